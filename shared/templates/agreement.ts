import { t } from './localized'
import { defineTemplate, type Localized } from './template'

const section = (id: string, title: Localized, question: Localized | null, help?: Localized) => ({
  id,
  title,
  ...(help ? { help } : {}),
  fields: [{ id, kind: 'richtext' as const, label: question ?? title }],
})

/**
 * The agreement draft (överenskommelse): the sections Mora's guideline lists, with its guiding questions,
 * plus repayment of funds not used as agreed (Stockholm's social services). Dates and the budget are
 * structured so the calendar and the co-financing indicators can read them.
 */
export const agreement = defineTemplate({
  id: 'agreement',
  version: 1,
  title: t(
    'Överenskommelse om idéburet offentligt partnerskap',
    'Agreement on a non-profit–public partnership (IOP)',
  ),
  purpose: t(
    'Förslaget till överenskommelse som båda parters beslutsfattare tar ställning till.',
    "The proposed agreement on which both parties' decision-makers take a position.",
  ),
  phase: 'inleda',
  source: 'Mora kommun, Riktlinje för IOP — Det skriftliga partnerskapet; Stockholms stad (återbetalning)',
  sections: [
    section(
      'background',
      t('Bakgrund', 'Background'),
      t(
        'Bakgrund – Varför vill vi ha samverkan? Vilken är den aktuella samhällsutmaningen?',
        'Background – Why do we want to collaborate? What is the societal challenge?',
      ),
    ),
    section(
      'purpose',
      t('Syfte med avtalet', 'Purpose of the agreement'),
      t(
        'Syfte med avtalet – Vilken nytta ska IOP göra som inte kan åstadkommas inom befintliga system?',
        'Purpose – What good will the IOP do that existing systems cannot achieve?',
      ),
    ),
    {
      id: 'parties',
      title: t('Parter', 'Parties'),
      fields: [
        {
          id: 'parties',
          kind: 'table',
          label: t('Parter', 'Parties'),
          help: t(
            'Namn, organisationsnummer och vem som företräder parten.',
            'Name, organisation number and who represents the party.',
          ),
          columns: [
            { id: 'name', label: t('Part', 'Party'), type: 'text' },
            { id: 'org-number', label: t('Organisationsnummer', 'Organisation number'), type: 'text' },
            { id: 'representative', label: t('Företrädare', 'Representative'), type: 'text' },
          ],
        },
      ],
    },
    section(
      'goals',
      t('Mål med verksamheten', 'Goals of the activity'),
      t(
        'Mål med verksamheten – Vilken gemensam målbild och vilket syfte har vi med samverkan?',
        'Goals – What shared picture of the goal and purpose do we have?',
      ),
    ),
    section(
      'values',
      t('Värdegrund/förhållningssätt', 'Values and approach'),
      t(
        'Värdegrund/förhållningssätt – Är det någon princip vi absolut måste värna för att kunna samverka?',
        'Values – Is there a principle we must protect in order to collaborate?',
      ),
    ),
    section('target-group', t('Målgrupp', 'Target group'), null),
    section(
      'commitments',
      t('Insatser och åtaganden', 'Actions and commitments'),
      t(
        'Insatser och åtaganden – Hur ska vi se till att båda parter har lika stort inflytande över processen?',
        'Commitments – How do we make sure both parties have equal influence over the process?',
      ),
    ),
    section(
      'follow-up-plan',
      t('Gemensam plan för uppföljning och utvärdering', 'Joint plan for follow-up and evaluation'),
      t(
        'Gemensam plan för uppföljning och utvärdering. Hur kan arbetet förbättras?',
        'Joint plan for follow-up and evaluation. How can the work be improved?',
      ),
      t(
        'Uppföljning minst en gång per år (kvartal fyra), utvärdering under kvartal ett eller två av sista året, slutrapport senast tre månader före avtalstidens slut.',
        'Follow-up at least once a year (quarter four), evaluation in quarter one or two of the final year, final report at the latest three months before the end.',
      ),
    ),
    section(
      'learning-plan',
      t('Gemensam plan för lärande och utveckling', 'Joint plan for learning and development'),
      t(
        'Gemensam plan för lärande och utveckling utifrån samarbetet.',
        'Joint plan for learning and development from the collaboration.',
      ),
    ),
    {
      id: 'organisation',
      title: t('Organisation, kontaktpersoner', 'Organisation, contact persons'),
      fields: [
        {
          id: 'organisation',
          kind: 'richtext',
          label: t('Organisation', 'Organisation'),
          help: t(
            'Styrgrupp (minst tre möten per år) och arbetsgrupp (minst fyra möten per år).',
            'Steering group (at least three meetings a year) and working group (at least four a year).',
          ),
        },
        {
          id: 'contacts',
          kind: 'table',
          label: t('Kontaktpersoner', 'Contact persons'),
          columns: [
            { id: 'name', label: t('Namn', 'Name'), type: 'text' },
            { id: 'party', label: t('Part', 'Party'), type: 'text' },
            { id: 'role', label: t('Roll', 'Role'), type: 'text' },
            { id: 'contact', label: t('E-post/telefon', 'Email/phone'), type: 'text' },
          ],
        },
      ],
    },
    section('documentation', t('Dokumentation och redovisning', 'Documentation and reporting'), null),
    {
      id: 'economy',
      title: t('Ekonomi, fakturaadress', 'Finances, invoice address'),
      fields: [
        {
          id: 'budget',
          kind: 'budget',
          label: t('Samfinansiering', 'Co-financing'),
          help: t(
            'Båda parters pengar och insatser, värderade i kronor.',
            "Both parties' money and in-kind contributions, valued in kronor.",
          ),
          defaultHourlyValue: 300,
        },
        { id: 'economy', kind: 'richtext', label: t('Ekonomi och utbetalning', 'Finances and payments') },
        { id: 'invoice-address', kind: 'text', label: t('Fakturaadress', 'Invoice address') },
      ],
    },
    {
      id: 'term',
      title: t('Avtalstid', 'Term of the agreement'),
      fields: [
        { id: 'start-date', kind: 'date', label: t('Gäller från', 'Valid from') },
        { id: 'end-date', kind: 'date', label: t('Gäller till och med', 'Valid until') },
        { id: 'term', kind: 'richtext', label: t('Avtalstid', 'Term') },
      ],
    },
    section(
      'renegotiation',
      t('Omförhandling, uppsägning, hävning och tvist', 'Renegotiation, termination and disputes'),
      null,
      t(
        'Tänk på ordvalet: ”rätt att lämna projektet” snarare än ”rätt att häva”.',
        'Mind the words: “right to leave the project” rather than “right to rescind”.',
      ),
    ),
    section(
      'repayment',
      t('Återbetalning', 'Repayment'),
      t(
        'Återbetalning av medel om den överenskomna verksamheten inte genomförs',
        'Repayment of funds if the agreed activity is not carried out',
      ),
    ),
  ],
})
