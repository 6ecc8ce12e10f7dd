import { t } from './localized'
import { defineTemplate } from './template'

/**
 * A world-café session (SKL's method): the challenge, the rounds with their questions and durations
 * (prefilled with the four suggested questions, the first one longer), the check-in and check-out questions.
 * Tables, seating, the timer, notes and the harvest are the café's own live state.
 */
export const cafe = defineTemplate({
  id: 'cafe',
  version: 1,
  title: t('Cafésamtal', 'World café'),
  purpose: t(
    'Samtalsrundor vid bord om 3–5 personer, där värden stannar och övriga byter bord.',
    'Rounds of conversation at tables of 3–5; the host stays, everyone else moves.',
  ),
  phase: 'inleda',
  source: 'SKL (2018), Utveckla idéburet offentligt partnerskap — cafésamtal',
  sections: [
    {
      id: 'upplagg',
      title: t('Upplägg', 'Set-up'),
      fields: [
        {
          id: 'challenge',
          kind: 'text',
          label: t(
            'Samhällsutmaningen (”xx” i frågorna)',
            'The societal challenge (the “xx” in the questions)',
          ),
        },
        {
          id: 'mode',
          kind: 'choice',
          label: t('Form', 'Format'),
          help: t(
            'Färre än tio deltagare: en cirkel där ordet går runt.',
            'Fewer than ten participants: one circle, the word going round.',
          ),
          options: [
            { id: 'tables', label: t('Bord', 'Tables') },
            { id: 'circle', label: t('Cirkel', 'Circle') },
          ],
        },
        {
          id: 'check-in',
          kind: 'text',
          label: t('Incheckningsfråga', 'Check-in question'),
          initial: 'Varför kom du hit i dag?',
        },
        {
          id: 'rounds',
          kind: 'table',
          label: t('Rundor', 'Rounds'),
          columns: [
            { id: 'question', label: t('Fråga', 'Question'), type: 'text' },
            { id: 'minutes', label: t('Minuter', 'Minutes'), type: 'number' },
          ],
          initial: [
            { question: 'Vad betyder xx för mig personligen?', minutes: 25 },
            { question: 'Vad betyder xx för vår ort/kommun/region?', minutes: 20 },
            {
              question: 'Vad pågår redan i civilsamhället som är, eller skulle kunna bli, en resurs?',
              minutes: 20,
            },
            {
              question: 'Vad skulle bli möjligt om vi kombinerade civilsamhällets och kommunens resurser?',
              minutes: 20,
            },
          ],
        },
        {
          id: 'check-out',
          kind: 'text',
          label: t('Utcheckningsfråga', 'Check-out question'),
          initial: 'Vilken tanke eller förhoppning tar du med dig?',
        },
      ],
    },
  ],
})
