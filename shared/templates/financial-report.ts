import { t } from './localized'
import { defineTemplate } from './template'

/**
 * The yearly financial report against the agreement's budget (Järva 2.3.1: the follow-up covers the finances
 * and how the IOP funds were used): each budget line with what was agreed and what it came to, why they
 * differ, and the volunteer contribution.
 */
export const financialReport = defineTemplate({
  id: 'financial-report',
  version: 1,
  title: t('Ekonomisk redovisning', 'Financial report'),
  purpose: t(
    'Årets ekonomiska redovisning mot överenskommelsens budget: utfall, avvikelser och hur IOP-medlen använts.',
    "The year's financial report against the agreement's budget: outcome, deviations and how the IOP funds were used.",
  ),
  phase: 'folja-upp',
  source: 'Järva stadsdelsnämnd, Process för IOP-arbetet, 2.3.1',
  sections: [
    {
      id: 'period',
      title: t('Period', 'Period'),
      fields: [
        { id: 'period-start', kind: 'date', label: t('Från', 'From') },
        { id: 'period-end', kind: 'date', label: t('Till och med', 'Until') },
      ],
    },
    {
      id: 'utfall',
      title: t('Budget och utfall', 'Budget and outcome'),
      fields: [
        {
          id: 'lines',
          kind: 'table',
          label: t('Budgetposter', 'Budget lines'),
          help: t(
            'Varje post i överenskommelsens budget: vad parterna kom överens om och vad det blev.',
            "Each line of the agreement's budget: what the parties agreed and what it came to.",
          ),
          columns: [
            { id: 'line', label: t('Post', 'Line'), type: 'text' },
            { id: 'party', label: t('Part', 'Party'), type: 'text' },
            { id: 'budget', label: t('Budget (kr)', 'Budget (SEK)'), type: 'money' },
            { id: 'outcome', label: t('Utfall (kr)', 'Outcome (SEK)'), type: 'money' },
          ],
        },
        {
          id: 'volunteer-hours',
          kind: 'text',
          label: t('Ideella timmar under perioden', 'Volunteer hours during the period'),
        },
        {
          id: 'deviations',
          kind: 'richtext',
          label: t('Avvikelser och deras skäl', 'Deviations and their reasons'),
        },
        {
          id: 'use-of-funds',
          kind: 'richtext',
          label: t('Hur IOP-medlen har använts', 'How the IOP funds were used'),
        },
      ],
    },
  ],
})
