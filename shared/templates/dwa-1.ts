import { t } from './localized'
import { defineTemplate } from './template'

/**
 * SKL's planning tool, sheet 1 (an adaptation of Design for Wiser Action, Möller et al. 2012): the prompts
 * exactly as printed, in the sheet's order. Help texts are ours.
 */
export const dwa1 = defineTemplate({
  id: 'dwa-1',
  version: 1,
  title: t('Samarbetets syfte, insatser och mål', 'Purpose, actions and goals of the collaboration'),
  purpose: t(
    'Ark 1 i planeringsverktyget: vad ni vill åstadkomma tillsammans och varför.',
    'Sheet 1 of the planning tool: what you want to achieve together, and why.',
  ),
  phase: 'inleda',
  source:
    'SKL (2018), Utveckla idéburet offentligt partnerskap — Design & planeringsverktyg för partnerskap, ark 1',
  credit: t(
    'Bygger på Design for Wiser Action (Möller m.fl. 2012), i SKL:s bearbetning (2018).',
    'Based on Design for Wiser Action (Möller et al. 2012), as adapted by SKL (2018).',
  ),
  sections: [
    {
      id: 'syfte',
      title: t('Syfte', 'Purpose'),
      fields: [
        {
          id: 'challenge',
          kind: 'richtext',
          label: t(
            'Den angelägna frågan/samhällsutmaningen i fokus är:',
            'The pressing issue/societal challenge in focus is:',
          ),
          help: t(
            'Beskriv utmaningen så att båda parter känner igen sig. Utgå från frågor, inte färdiga lösningar.',
            'Describe the challenge so that both parties recognise it. Start from questions, not ready-made solutions.',
          ),
        },
        {
          id: 'why-together',
          kind: 'richtext',
          label: t(
            'Varför arbeta tillsammans? Vilket/vilka samverkansbehov är grunden till vårt partnerskap?',
            'Why work together? Which need(s) for collaboration are the basis of our partnership?',
          ),
          help: t(
            'Vad kan ingen av er lösa ensam? Vad bidrar var och en med som den andra saknar?',
            'What can neither of you solve alone? What does each bring that the other lacks?',
          ),
        },
        {
          id: 'direction',
          kind: 'richtext',
          label: t(
            'Vart/i vilken riktning strävar vi i vårt samarbete?',
            'Where, in which direction, are we heading together?',
          ),
          help: t(
            'Den gemensamma målbilden, på lång sikt.',
            'The shared picture of the goal, in the long run.',
          ),
        },
      ],
    },
    {
      id: 'insatser',
      title: t('Insatser', 'Actions'),
      fields: [
        {
          id: 'activities',
          kind: 'richtext',
          label: t(
            'Vad vi vill göra – våra konkreta insatser, aktiviteter, metoder, verksamhet:',
            'What we want to do – our concrete actions, activities, methods, work:',
          ),
        },
        {
          id: 'timeline',
          kind: 'table',
          label: t('Tidplan:', 'Timeline:'),
          help: t('En rad per steg: när och vad.', 'One row per step: when and what.'),
          columns: [
            { id: 'when', label: t('När', 'When'), type: 'text' },
            { id: 'what', label: t('Vad', 'What'), type: 'text' },
          ],
        },
      ],
    },
    {
      id: 'resultat',
      title: t('Resultat', 'Results'),
      fields: [
        {
          id: 'concrete-results',
          kind: 'list',
          label: t('Konkreta resultat:', 'Concrete results:'),
          itemLabel: t('Resultat', 'Result'),
        },
        {
          id: 'intangible-results',
          kind: 'list',
          label: t(
            'Immateriella resultat – t ex. tillit, gemenskap, relationer, personlig utveckling, livskvalitet:',
            'Intangible results – e.g. trust, community, relationships, personal growth, quality of life:',
          ),
          itemLabel: t('Resultat', 'Result'),
        },
      ],
    },
  ],
})
