import { t } from './localized'
import { defineTemplate } from './template'

/** The evaluation of the whole period, in quarter one or two of the partnership's final year. */
export const evaluation = defineTemplate({
  id: 'evaluation',
  version: 1,
  title: t('Utvärdering av partnerskapet', 'Evaluation of the partnership'),
  purpose: t(
    'Båda parter utvärderar hela avtalsperioden under kvartal ett eller två av det sista året.',
    'Both parties evaluate the whole period in quarter one or two of the final year.',
  ),
  phase: 'folja-upp',
  source: 'Järva stadsdelsnämnd, Process för IOP-arbetet, 2.3.2',
  sections: [
    {
      id: 'genomforande',
      title: t('Genomförande och mål', 'Implementation and goals'),
      fields: [
        {
          id: 'implementation',
          kind: 'richtext',
          label: t('Hur verksamheten har genomförts', 'How the activity was carried out'),
        },
        {
          id: 'goals-met',
          kind: 'richtext',
          label: t('Hur väl partnerskapets mål har uppnåtts', "How well the partnership's goals were met"),
        },
      ],
    },
    {
      id: 'samverkan',
      title: t('Samverkan', 'Collaboration'),
      fields: [
        {
          id: 'both-contributed',
          kind: 'richtext',
          label: t(
            'Om båda parter har bidragit i samverkan i enlighet med överenskommelsen',
            'Whether both parties contributed to the collaboration as agreed',
          ),
        },
        {
          id: 'cost-efficiency',
          kind: 'richtext',
          label: t(
            'Om verksamheten har bedrivits kostnadseffektivt och med varsam och respektfull hantering av de offentliga medlen',
            'Whether the activity was cost-effective and handled public funds carefully and respectfully',
          ),
        },
      ],
    },
    {
      id: 'larande',
      title: t('Lärande', 'Learning'),
      fields: [
        {
          id: 'learned-public',
          kind: 'richtext',
          label: t('Vad den offentliga parten har lärt sig', 'What the public party has learned'),
        },
        {
          id: 'learned-nonprofit',
          kind: 'richtext',
          label: t('Vad den idéburna parten har lärt sig', 'What the non-profit party has learned'),
        },
      ],
    },
    {
      id: 'datum',
      title: t('Datum', 'Date'),
      fields: [
        { id: 'evaluated', kind: 'date', label: t('Utvärderingen genomförd', 'Evaluation carried out') },
      ],
    },
  ],
})
