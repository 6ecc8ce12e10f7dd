/**
 * A café's live control state (timer, seating, rounds) lives in a Y.Doc of its own, synced at
 * `/sync/<documentId>.control`: everyone connected reads it, only facilitators' sockets may write it (the
 * server drops anyone else's updates unread), so a participant cannot change the timer or the seating even by
 * writing to their Y.Doc directly.
 */
export const CONTROL_SUFFIX = '.control'

export const controlRoomId = (documentId: string): string => `${documentId}${CONTROL_SUFFIX}`

/** The document a sync room belongs to, and whether it is that document's control room. */
export const roomOf = (roomId: string): { readonly documentId: string; readonly control: boolean } =>
  roomId.endsWith(CONTROL_SUFFIX)
    ? { documentId: roomId.slice(0, -CONTROL_SUFFIX.length), control: true }
    : { documentId: roomId, control: false }
