import { t } from './localized'
import { defineTemplate } from './template'

/** SKL's planning tool, sheet 2: the prompts exactly as printed, in the sheet's order; co-financing last. */
export const dwa2 = defineTemplate({
  id: 'dwa-2',
  version: 1,
  title: t('Partnerskapets organisering & strategi', 'Organising the partnership & strategy'),
  purpose: t(
    'Ark 2 i planeringsverktyget: vilka som är med, vem som gör vad och vad ni bidrar med.',
    'Sheet 2 of the planning tool: who takes part, who does what, and what each contributes.',
  ),
  phase: 'inleda',
  source:
    'SKL (2018), Utveckla idéburet offentligt partnerskap — Design & planeringsverktyg för partnerskap, ark 2',
  credit: t(
    'Bygger på Design for Wiser Action (Möller m.fl. 2012), i SKL:s bearbetning (2018).',
    'Based on Design for Wiser Action (Möller et al. 2012), as adapted by SKL (2018).',
  ),
  sections: [
    {
      id: 'aktorer',
      title: t('Aktörer', 'Actors'),
      fields: [
        {
          id: 'stakeholders',
          kind: 'richtext',
          label: t('Våra intressenter och allierade är:', 'Our stakeholders and allies are:'),
        },
        {
          id: 'stakeholders-use',
          kind: 'richtext',
          label: t('Så här kan dessa aktörer tas tillvara:', 'This is how these actors can be engaged:'),
        },
        {
          id: 'core-team',
          kind: 'richtext',
          label: t(
            'Kärnteamet; Vi som ska utforma/samarbeta inom partnerskapet:',
            'The core team; we who will shape/collaborate within the partnership:',
          ),
        },
        {
          id: 'anchoring',
          kind: 'richtext',
          label: t(
            'Förankring av partnerskapet – med vem/vilka i våra organisationer? I vilka faser behöver förankring ske?',
            'Anchoring the partnership – with whom in our organisations? In which phases is anchoring needed?',
          ),
          help: t(
            'Tänk på båda sidor: nämnd och förvaltning, styrelse och medlemmar.',
            'Think of both sides: council and administration, board and members.',
          ),
        },
      ],
    },
    {
      id: 'malgrupp',
      title: t('Målgrupp', 'Target group'),
      fields: [
        {
          id: 'target-groups',
          kind: 'richtext',
          label: t('Vår målgrupp/våra målgrupper är:', 'Our target group(s):'),
        },
        {
          id: 'target-involvement',
          kind: 'richtext',
          label: t(
            'Så här ska målgruppen/-er involveras:',
            'This is how the target group(s) will be involved:',
          ),
          help: t('”Ingenting om oss utan oss.”', '“Nothing about us without us.”'),
        },
      ],
    },
    {
      id: 'ansvar',
      title: t('Ansvar och nästa steg', 'Responsibilities and next step'),
      fields: [
        {
          id: 'who-does-what',
          kind: 'richtext',
          label: t(
            'Vem gör vad? – Fördelning av ansvar, roller & resurser:',
            'Who does what? – Division of responsibilities, roles & resources:',
          ),
        },
        {
          id: 'partnership-challenge',
          kind: 'richtext',
          label: t(
            'Vår utmaning i partnerskapet – Vad som är svårt – Vi behöver hjälp med…',
            'Our challenge in the partnership – What is difficult – We need help with…',
          ),
        },
        { id: 'next-step', kind: 'richtext', label: t('Vårt nästa steg:', 'Our next step:') },
      ],
    },
    {
      id: 'samfinansiering',
      title: t('Samfinansiering', 'Co-financing'),
      help: t(
        'Båda parter bidrar: pengar och insatser som lokaler, utrustning, ideell tid och kunskap, värderade i kronor i en gemensam budget.',
        'Both parties contribute: money and in-kind resources such as premises, equipment, volunteer time and expertise, valued in kronor in one budget.',
      ),
      fields: [
        {
          id: 'co-financing',
          kind: 'budget',
          label: t('Parternas resurser', "The parties' resources"),
          defaultHourlyValue: 300,
        },
      ],
    },
  ],
})
