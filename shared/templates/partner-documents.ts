import { t } from './localized'
import { defineTemplate } from './template'

const requested = [
  'Stadgar, bolagsordning eller motsvarande',
  'Beskrivning av organisationens verksamhetsidé och ordinarie verksamhet',
  'Årsmötesprotokoll',
  'Verksamhetsberättelse',
  'Ekonomisk berättelse med bokslut',
  'Revisionsberättelse',
  'Verksamhetsplan och styrelseförteckning',
  'Uppgift om medlemsantal',
]

/** The documents requested from the non-profit partner before an IOP, each marked received with a date. */
export const partnerDocuments = defineTemplate({
  id: 'partner-documents',
  version: 1,
  title: t('Underlag från den idéburna parten', 'Documents from the non-profit partner'),
  purpose: t(
    'Vilka handlingar som begärts in, om de har kommit in och när.',
    'Which documents have been requested, whether they have arrived, and when.',
  ),
  phase: 'inleda',
  source: 'Mora kommun, Kontroll av partner i IOP; Järva stadsdelsnämnd, Första mötet (2.1.1)',
  sections: [
    {
      id: 'organisation',
      title: t('Organisationen', 'The organisation'),
      fields: [
        {
          id: 'organisation-name',
          kind: 'text',
          label: t('Den idéburna partens namn', "The non-profit party's name"),
        },
        { id: 'org-number', kind: 'text', label: t('Organisationsnummer', 'Organisation number') },
      ],
    },
    {
      id: 'handlingar',
      title: t('Handlingar', 'Documents'),
      fields: [
        {
          id: 'documents',
          kind: 'table',
          label: t('Begärda handlingar', 'Requested documents'),
          columns: [
            { id: 'document', label: t('Handling', 'Document'), type: 'text' },
            { id: 'received', label: t('Inkommen', 'Received'), type: 'yesno' },
            { id: 'date', label: t('Datum', 'Date'), type: 'date' },
            { id: 'note', label: t('Anteckning', 'Note'), type: 'text' },
          ],
          initial: requested.map((document) => ({ document })),
        },
      ],
    },
  ],
})
