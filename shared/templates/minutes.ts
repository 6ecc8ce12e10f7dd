import { t } from './localized'
import { defineTemplate } from './template'

/**
 * Minutes of the partnership's meetings — idémöten, the steering group and the working group (Järva 2.2–2.3):
 * when and where, who was there for each party, what was decided, and who does what by when.
 */
export const minutes = defineTemplate({
  id: 'minutes',
  version: 1,
  title: t('Minnesanteckningar', 'Meeting minutes'),
  purpose: t(
    'Anteckningar från idémöte, styrgrupp eller arbetsgrupp: närvarande, beslut och vem som gör vad till när.',
    'Notes from an idea meeting, the steering group or the working group: present, decisions, and who does what by when.',
  ),
  phase: 'genomfora',
  source: 'Järva stadsdelsnämnd, Process för IOP-arbetet, 2.2–2.3',
  sections: [
    {
      id: 'moete',
      title: t('Mötet', 'The meeting'),
      fields: [
        {
          id: 'meeting-kind',
          kind: 'choice',
          label: t('Slags möte', 'Kind of meeting'),
          options: [
            { id: 'idea-meeting', label: t('Idémöte', 'Idea meeting') },
            { id: 'steering-group', label: t('Styrgrupp', 'Steering group') },
            { id: 'working-group', label: t('Arbetsgrupp', 'Working group') },
            { id: 'other', label: t('Annat möte', 'Other meeting') },
          ],
        },
        { id: 'meeting-date', kind: 'date', label: t('Datum', 'Date') },
        { id: 'place', kind: 'text', label: t('Plats', 'Place') },
        {
          id: 'present',
          kind: 'table',
          label: t('Närvarande', 'Present'),
          help: t('Alla som deltog, per part.', 'Everyone who took part, by party.'),
          columns: [
            { id: 'name', label: t('Namn', 'Name'), type: 'text' },
            { id: 'party', label: t('Part eller organisation', 'Party or organisation'), type: 'text' },
          ],
        },
      ],
    },
    {
      id: 'innehall',
      title: t('Vad som sades och beslutades', 'What was said and decided'),
      fields: [
        { id: 'notes', kind: 'richtext', label: t('Anteckningar', 'Notes') },
        {
          id: 'decisions',
          kind: 'list',
          label: t('Beslut', 'Decisions'),
          itemLabel: t('Beslut', 'Decision'),
        },
        {
          id: 'actions',
          kind: 'table',
          label: t('Åtgärder', 'Actions'),
          help: t('Vad som ska göras, av vem och till när.', 'What is to be done, by whom and by when.'),
          columns: [
            { id: 'action', label: t('Åtgärd', 'Action'), type: 'text' },
            { id: 'owner', label: t('Ansvarig', 'Responsible'), type: 'text' },
            { id: 'due', label: t('Klart senast', 'Due'), type: 'date' },
          ],
        },
        { id: 'next-meeting', kind: 'date', label: t('Nästa möte', 'Next meeting') },
      ],
    },
  ],
})
