import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as z from 'zod/mini'
import { DocumentFreeze } from '../schema/document-record'
import { lazySchema } from '../schema/lazy-schema'

/**
 * A document's status (frozen for signing or not) travels in the standard protocol, as the awareness state of
 * one reserved client id that only the server writes — so every Yjs client receives it as ordinary presence
 * and none meets a message type it does not know. A socket that announces presence under this id has it
 * dropped. While a document is frozen the server renews the state (clients forget presence not renewed in
 * 30 s); on unfreezing it announces `frozen: null` once, and lets it time out.
 *
 * `versions` changes whenever a version is saved or a party takes its position on one, so every open screen
 * fetches the list again at once instead of polling for it. It is a stamp (milliseconds, strictly increasing
 * per room), not a count: only its change means something.
 */
export const SERVER_STATUS_CLIENT = 0xffffffff

export const DocumentStatus = lazySchema(() =>
  z.object({
    frozen: z.nullable(DocumentFreeze),
    versions: z.optional(z.number().check(z.int(), z.nonnegative())),
  }),
)
export type DocumentStatus = z.infer<typeof DocumentStatus>

/** The awareness state that carries a status: `{ samverkstad: { frozen } }`. */
const StatusState = lazySchema(() => z.object({ samverkstad: DocumentStatus }))

/** The status an awareness state of the reserved client carries; null when it carries none. */
export const readDocumentStatus = (state: unknown): DocumentStatus | null => {
  const parsed = StatusState.safeParse(state)
  return parsed.success ? parsed.data.samverkstad : null
}

/** The awareness update (y-protocols encoding) that sets the reserved client's state to `status`. */
export const encodeStatusAwareness = (status: DocumentStatus, clock: number): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, SERVER_STATUS_CLIENT)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, JSON.stringify({ samverkstad: status }))
  return encoding.toUint8Array(encoder)
}

/** Reads the one entry of a status awareness update back (for tests of the encoding). */
export const decodeStatusAwareness = (
  update: Uint8Array,
): { clock: number; status: DocumentStatus | null } => {
  const decoder = decoding.createDecoder(update)
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
  const clock = decoding.readVarUint(decoder)
  return { clock, status: readDocumentStatus(JSON.parse(decoding.readVarString(decoder))) }
}
