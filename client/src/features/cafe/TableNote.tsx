import * as Y from 'yjs'
import { NOTE_FRAGMENT, noteRoomId } from '../../../../shared/cafe/control-room'
import type { Member } from '../../../../shared/schema/member'
import type { PartyKind } from '../../../../shared/schema/party'
import { useI18n } from '../../i18n/i18n'
import { createRoomConnection } from '../../sync/createRoomConnection'
import { partyColor } from '../../ui/colors'
import { RichTextEditor } from '../document/fields/RichTextEditor'

/**
 * One table's note in one round, co-edited by the people seated there (the server refuses anyone else's
 * edits, so others get it read-only), with their cursors.
 */
export const TableNote = (props: {
  readonly documentId: string
  readonly round: number
  readonly table: number
  readonly readOnly: boolean
  readonly me: Member
  readonly partyKind: PartyKind
  readonly label: string
}) => {
  const { t } = useI18n()
  const doc = new Y.Doc()
  const connection = createRoomConnection({
    docId: noteRoomId(props.documentId, props.round, props.table),
    doc,
    persist: !props.readOnly,
  })
  const awareness = connection.provider.awareness
  if (props.readOnly) awareness.setLocalState(null)
  else awareness.setLocalStateField('user', { name: props.me.name, color: partyColor(props.partyKind) })
  const labelId = `note-${props.round}-${props.table}`
  return (
    <section class="card table-note" aria-labelledby={labelId} data-note={`${props.round}-${props.table}`}>
      <h3 id={labelId}>{props.label}</h3>
      <p class="hint" data-status={connection.statusSignal()}>
        {props.readOnly ? t('readOnly') : t('noteHelp')}
      </p>
      <RichTextEditor
        fragment={doc.getXmlFragment(NOTE_FRAGMENT)}
        awareness={props.readOnly ? null : awareness}
        fieldId={labelId}
        labelId={labelId}
        label={props.label}
        readOnly={props.readOnly}
        onEscape={() => {}}
      />
    </section>
  )
}
