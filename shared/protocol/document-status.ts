import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { z } from 'zod'
import { DocumentFreeze } from '../schema/document-record'

/**
 * Samverkstad's one extension of the y-websocket protocol: a frame of this type tells the clients of a
 * document its status (frozen for signing or not). Far above the standard types (0–3) and Hocuspocus's, so
 * it is never mistaken for one; it is sent only when a document is or was frozen, so a plain Yjs client that
 * never meets a frozen document never sees one.
 */
export const DOCUMENT_STATUS_MESSAGE = 100

export const DocumentStatus = z.object({ frozen: DocumentFreeze.nullable() })
export type DocumentStatus = z.infer<typeof DocumentStatus>

export const encodeDocumentStatus = (status: DocumentStatus): Uint8Array<ArrayBuffer> => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, DOCUMENT_STATUS_MESSAGE)
  encoding.writeVarString(encoder, JSON.stringify(status))
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>
}

/** Reads the body of a status frame (after its type); null when it is not a valid status. */
export const readDocumentStatus = (decoder: decoding.Decoder): DocumentStatus | null => {
  try {
    const parsed = DocumentStatus.safeParse(JSON.parse(decoding.readVarString(decoder)))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
