import { t } from './localized'
import { defineTemplate } from './template'

const position = (id: string, label: ReturnType<typeof t>) => ({
  id,
  kind: 'choice' as const,
  label,
  options: [
    { id: 'end', label: t('Avsluta enligt överenskommelsen', 'End as agreed') },
    { id: 'renegotiate', label: t('Omförhandla', 'Renegotiate') },
    { id: 'revise', label: t('Teckna en reviderad överenskommelse', 'Sign a revised agreement') },
  ],
})

/**
 * The final report of the whole period (built on the evaluation and earlier follow-ups) and each party's
 * position on renegotiation, due at the latest three months before the agreement ends.
 */
export const finalReport = defineTemplate({
  id: 'final-report',
  version: 1,
  title: t('Slutrapport och ställningstagande', 'Final report and position'),
  purpose: t(
    'Slutrapport för hela perioden och båda parters ställningstagande om omförhandling, senast tre månader före avtalets slut.',
    "Final report for the whole period and both parties' position on renegotiation, at the latest three months before the end.",
  ),
  phase: 'avsluta',
  source: 'Järva stadsdelsnämnd, Process för IOP-arbetet, 2.3.3',
  sections: [
    {
      id: 'rapport',
      title: t('Slutrapport', 'Final report'),
      fields: [
        {
          id: 'summary',
          kind: 'richtext',
          label: t('Partnerskapets hela tidsperiod', "The partnership's whole period"),
        },
        { id: 'follow-ups', kind: 'richtext', label: t('Tidigare uppföljningar', 'Earlier follow-ups') },
        {
          id: 'evaluation-results',
          kind: 'richtext',
          label: t('Utvärderingens resultat', "The evaluation's results"),
        },
      ],
    },
    {
      id: 'stallningstagande',
      title: t('Ställningstagande till omförhandling', 'Position on renegotiation'),
      help: t(
        'En omförhandling kan vara aktuell om samhällsutmaningen kvarstår, samverkan varit fruktsam och den idéburna parten har fortsatta förutsättningar.',
        'Renegotiation may be relevant if the challenge remains, the collaboration was fruitful and the non-profit party can continue.',
      ),
      fields: [
        position(
          'position-public',
          t('Den offentliga partens ställningstagande', "The public party's position"),
        ),
        position(
          'position-nonprofit',
          t('Den idéburna partens ställningstagande', "The non-profit party's position"),
        ),
        { id: 'reasons', kind: 'richtext', label: t('Motivering', 'Reasons') },
      ],
    },
    {
      id: 'datum',
      title: t('Datum', 'Dates'),
      fields: [
        { id: 'agreement-end', kind: 'date', label: t('Överenskommelsen upphör', 'The agreement ends') },
        { id: 'submitted', kind: 'date', label: t('Slutrapporten lämnad', 'Final report submitted') },
      ],
    },
  ],
})
