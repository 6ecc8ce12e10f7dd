import { t } from './localized'
import { defineTemplate } from './template'

/** The yearly follow-up (at least once a year, in quarter four), with what Järva requires it to contain. */
export const followUp = defineTemplate({
  id: 'follow-up',
  version: 1,
  title: t('Uppföljning av partnerskapet', 'Follow-up of the partnership'),
  purpose: t(
    'Årlig uppföljning i dialog mellan parterna, underlag för beslut om fortsatt partnerskap.',
    'Yearly follow-up in dialogue between the parties, the basis for continuing the partnership.',
  ),
  phase: 'folja-upp',
  source: 'Järva stadsdelsnämnd, Process för IOP-arbetet, 2.3.1',
  sections: [
    {
      id: 'period',
      title: t('Period', 'Period'),
      fields: [
        { id: 'period-start', kind: 'date', label: t('Perioden från', 'Period from') },
        { id: 'period-end', kind: 'date', label: t('Perioden till', 'Period until') },
        { id: 'meeting', kind: 'date', label: t('Uppföljningsmöte', 'Follow-up meeting') },
      ],
    },
    {
      id: 'verksamhet',
      title: t('Verksamheten', 'The activity'),
      fields: [
        {
          id: 'progress',
          kind: 'richtext',
          label: t(
            'Hur verksamheten har arbetat för att nå målen och genomföra aktiviteterna i överenskommelsen',
            'How the activity has worked towards the goals and carried out the activities of the agreement',
          ),
        },
        {
          id: 'statistics',
          kind: 'table',
          label: t(
            'Statistik kopplad till partnerskapets målgrupp',
            "Statistics on the partnership's target group",
          ),
          columns: [
            { id: 'measure', label: t('Mått', 'Measure'), type: 'text' },
            { id: 'value', label: t('Värde', 'Value'), type: 'number' },
            { id: 'comment', label: t('Kommentar', 'Comment'), type: 'text' },
          ],
        },
      ],
    },
    {
      id: 'ekonomi',
      title: t('Ekonomi', 'Finances'),
      fields: [
        {
          id: 'funds-used',
          kind: 'richtext',
          label: t(
            'Resultat- och balansräkning och hur IOP-medlen har använts',
            'Income statement, balance sheet and how the IOP funds were used',
          ),
        },
        {
          id: 'contributions',
          kind: 'budget',
          label: t('Parternas bidrag under perioden', "The parties' contributions during the period"),
          defaultHourlyValue: 300,
        },
      ],
    },
    {
      id: 'bedomning',
      title: t('Bedömning', 'Assessment'),
      fields: [
        {
          id: 'assessment',
          kind: 'richtext',
          label: t(
            'Bedömning av partnerskapets organisation och verksamhet',
            "Assessment of the partnership's organisation and activity",
          ),
        },
        {
          id: 'continue',
          kind: 'choice',
          label: t('Fortsatt partnerskap', 'Continued partnership'),
          options: [
            { id: 'continue', label: t('Fortsätter som överenskommet', 'Continues as agreed') },
            { id: 'adjust', label: t('Fortsätter med justeringar', 'Continues with adjustments') },
            { id: 'end', label: t('Avslutas', 'Ends') },
          ],
        },
      ],
    },
  ],
})
