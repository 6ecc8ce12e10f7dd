import { createSignal, onCleanup } from 'solid-js'
import * as Y from 'yjs'
import { NOTE_FRAGMENT, noteRoomId } from '../../../../shared/cafe/control-room'
import { useI18n } from '../../i18n/i18n'
import { createRoomConnection } from '../../sync/createRoomConnection'

/** How much a table has written this round (characters), for the facilitator's overview. */
export const NoteProgress = (props: {
  readonly documentId: string
  readonly round: number
  readonly table: number
}) => {
  const { t } = useI18n()
  const doc = new Y.Doc()
  onCleanup(() => doc.destroy())
  const connection = createRoomConnection({
    docId: noteRoomId(props.documentId, props.round, props.table),
    doc,
    persist: false,
  })
  connection.provider.awareness.setLocalState(null)
  const fragment = doc.getXmlFragment(NOTE_FRAGMENT)
  const count = () => {
    let characters = 0
    for (const node of fragment.createTreeWalker(() => true)) {
      if (node instanceof Y.XmlText) characters += node.length
    }
    return characters
  }
  const [characters, setCharacters] = createSignal(count())
  const onUpdate = () => setCharacters(count())
  doc.on('update', onUpdate)
  onCleanup(() => doc.off('update', onUpdate))
  return (
    <p class="hint note-progress" data-characters={characters()}>
      {t('cafeNoteProgress', { count: characters() })}
    </p>
  )
}
