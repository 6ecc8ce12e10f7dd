import { t } from './localized'
import { defineTemplate } from './template'

/**
 * The documented assessment of an incoming initiative: Mora's nine statements (all should hold for an IOP to
 * be possible) and Järva's six general conditions, each answered with a comment, and the recorded outcome.
 * The tool never gives legal advice; the checklist structures the partners' own assessment.
 */
export const initiativeChecklist = defineTemplate({
  id: 'initiative-checklist',
  version: 1,
  title: t('Checklista för inkommet IOP-initiativ', 'Checklist for an incoming IOP initiative'),
  purpose: t(
    'En första, dokumenterad bedömning av om ett IOP är en möjlig och lämplig samarbetsform.',
    'A first, documented assessment of whether an IOP is a possible and suitable form of collaboration.',
  ),
  phase: 'inleda',
  source: 'Mora kommun, Checklista för inkomna IOP-initiativ; Järva stadsdelsnämnd, Generella villkor (1.2)',
  sections: [
    {
      id: 'initiativ',
      title: t('Initiativet', 'The initiative'),
      fields: [
        {
          id: 'initiative',
          kind: 'richtext',
          label: t('Vad initiativet gäller', 'What the initiative is about'),
        },
        {
          id: 'initiative-from',
          kind: 'choice',
          label: t('Initiativet kommer från', 'The initiative comes from'),
          options: [
            { id: 'nonprofit', label: t('Den idéburna parten', 'The non-profit party') },
            { id: 'public', label: t('Den offentliga parten', 'The public party') },
            { id: 'joint', label: t('Båda tillsammans', 'Both together') },
          ],
        },
        { id: 'received', kind: 'date', label: t('Initiativet inkom', 'Initiative received') },
      ],
    },
    {
      id: 'pastaenden',
      title: t('Checklista', 'Checklist'),
      help: t(
        'Stämmer alla påståenden in kan IOP vara en form som fungerar. Osäkra svar är värda ett samtal, t.ex. med upphandlingsenheten.',
        'If all statements hold, an IOP may be a form that works. Uncertain answers are worth a conversation, e.g. with the procurement unit.',
      ),
      fields: [
        {
          id: 'statements',
          kind: 'checklist',
          label: t('Påståenden om initiativet', 'Statements about the initiative'),
          statements: [
            {
              id: 'nonprofit-initiative',
              text: t(
                'Verksamheten sker på initiativ av den idéburna organisationen.',
                'The activity is initiated by the non-profit organisation.',
              ),
            },
            {
              id: 'local-development',
              text: t(
                'Verksamheten bidrar till lokal utveckling för att lösa en samhällsutmaning.',
                'The activity contributes to local development to solve a societal challenge.',
              ),
            },
            {
              id: 'not-a-grant',
              text: t(
                'Verksamheten kan inte ses som en del av de normerande och riktade bidrag som kommunen kan erbjuda.',
                'The activity cannot be seen as part of the standard and targeted grants the municipality offers.',
              ),
            },
            {
              id: 'independent',
              text: t(
                'Avsikten är att den idéburna organisationen fortsatt ska vara en fri och självständig aktör.',
                'The intention is that the non-profit organisation remains free and independent.',
              ),
            },
            {
              id: 'both-finance',
              text: t(
                'Bägge parter är med och finansierar verksamheten med pengar eller med andra insatser (ex ideell tid).',
                'Both parties finance the activity with money or other contributions (e.g. volunteer time).',
              ),
            },
            {
              id: 'long-term',
              text: t(
                'Verksamheten avses bedrivas under en längre tid och kommer inte detaljregleras från kommunens sida.',
                'The activity is meant to run for a long time and will not be regulated in detail by the municipality.',
              ),
            },
            {
              id: 'no-market',
              text: t(
                'Det finns inte en marknad eller en konkurrenssituation att vårda. Här inhämtas yttrande från upphandlingsenheten.',
                'There is no market or competition to protect. The procurement unit is asked for its opinion.',
              ),
            },
            {
              id: 'no-companies',
              text: t(
                'Det finns inte privata företag som bedriver samma verksamhet på samma sätt eller med samma värden.',
                'No private companies run the same activity in the same way or with the same values.',
              ),
            },
            {
              id: 'shared-learning',
              text: t(
                'Det sker ett gemensamt lärande och utvecklingsarbete kopplat till avtalet.',
                'There is shared learning and development tied to the agreement.',
              ),
            },
          ],
        },
        {
          id: 'conditions',
          kind: 'checklist',
          label: t(
            'Generella villkor för verksamhet inom partnerskap',
            'General conditions for activities in a partnership',
          ),
          statements: [
            {
              id: 'council-link',
              text: t(
                'Verksamheten har en tydlig koppling till något av nämndens ansvarsområden.',
                "The activity is clearly linked to one of the council's areas of responsibility.",
              ),
            },
            {
              id: 'open-to-all',
              text: t(
                'Verksamheten är öppen och tillgänglig för alla inom målgruppen.',
                'The activity is open and accessible to everyone in the target group.',
              ),
            },
            {
              id: 'real-need',
              text: t(
                'Partnerskapet fyller ett behov av en tydlig samverkan mellan nämnden och den idéburna parten.',
                'The partnership meets a need for clear collaboration between the council and the non-profit party.',
              ),
            },
            {
              id: 'nothing-to-buy',
              text: t(
                'Verksamheten avser frågor där det inte finns färdiga lösningar eller tjänster som kan köpas.',
                'The activity concerns issues with no ready-made solutions or services to buy.',
              ),
            },
            {
              id: 'sustainable',
              text: t(
                'Båda parter har förutsättningar och resurser för ett långsiktigt samarbete.',
                'Both parties have the means and resources for a long-term collaboration.',
              ),
            },
            {
              id: 'cost-effective',
              text: t(
                'Verksamheten bedrivs kostnadseffektivt och med varsam och respektfull hantering av de offentliga medlen.',
                'The activity is cost-effective and handles public funds carefully and respectfully.',
              ),
            },
          ],
        },
      ],
    },
    {
      id: 'bedomning',
      title: t('Bedömning', 'Assessment'),
      fields: [
        {
          id: 'assessment',
          kind: 'choice',
          label: t('Bedömning', 'Assessment'),
          options: [
            { id: 'proceed', label: t('Gå vidare mot IOP', 'Proceed towards an IOP') },
            {
              id: 'other-form',
              label: t('En annan samarbetsform passar bättre', 'Another form of collaboration fits better'),
            },
            { id: 'not-now', label: t('Inte aktuellt nu', 'Not at this time') },
          ],
        },
        { id: 'motivation', kind: 'richtext', label: t('Motivering', 'Reasons') },
        { id: 'assessed', kind: 'date', label: t('Datum för bedömning', 'Date of assessment') },
      ],
    },
  ],
})
