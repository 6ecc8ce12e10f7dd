/**
 * A café's live state lives beside its document, in sync rooms of its own:
 * - `/sync/<documentId>.control` — timer, flow, presence and seating: everyone connected reads it, only
 *   facilitators' sockets may write it (the server drops anyone else's updates unread), so a participant
 *   cannot change the timer or the seating even by writing to their Y.Doc directly;
 * - `/sync/<documentId>.note-<round>-<table>` — one table's note in one round (0-based): written by the people
 *   seated at that table in that round and by facilitators, read by everyone.
 */
export const CONTROL_SUFFIX = '.control'

export const controlRoomId = (documentId: string): string => `${documentId}${CONTROL_SUFFIX}`

/** The rich-text fragment a note room's Y.Doc holds. */
export const NOTE_FRAGMENT = 'note'

export const noteRoomId = (documentId: string, round: number, table: number): string =>
  `${documentId}.note-${round}-${table}`

/** What a sync room holds: a document's content, a café's control state, or one table's note. */
export type RoomOf =
  | { readonly documentId: string; readonly kind: 'content' }
  | { readonly documentId: string; readonly kind: 'control' }
  | { readonly documentId: string; readonly kind: 'note'; readonly round: number; readonly table: number }

const NOTE = /^(.+)\.note-(\d{1,3})-(\d{1,3})$/

export const roomOf = (roomId: string): RoomOf => {
  if (roomId.endsWith(CONTROL_SUFFIX)) {
    return { documentId: roomId.slice(0, -CONTROL_SUFFIX.length), kind: 'control' }
  }
  const note = NOTE.exec(roomId)
  if (note !== null) {
    return { documentId: note[1]!, kind: 'note', round: Number(note[2]), table: Number(note[3]) }
  }
  return { documentId: roomId, kind: 'content' }
}

/**
 * A SQL `LIKE … ESCAPE '\\'` pattern matching every room of a document besides its content (`<id>.…`): what
 * deleting the document removes from storage along with it.
 */
export const companionRoomsLike = (documentId: string): string =>
  `${documentId.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`
