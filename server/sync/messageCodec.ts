import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MessageType, SyncMessageType } from '../../shared/protocol/message-type'
import { SyncErrorReason } from '../../shared/protocol/sync-error'

/** A frame a client may send, decoded and checked. Updates are copies that own their buffer. */
export type ClientMessage =
  | { readonly type: 'sync-step1'; readonly stateVector: Uint8Array }
  | { readonly type: 'sync-update'; readonly update: Uint8Array }
  /** `exact`: the frame holds nothing but this message, so it can be relayed as it is. */
  | { readonly type: 'awareness'; readonly update: Uint8Array; readonly exact: boolean }
  | { readonly type: 'query-awareness' }

export type DecodeResult =
  | { readonly ok: true; readonly message: ClientMessage }
  | { readonly ok: false; readonly reason: SyncErrorReason; readonly detail: string }

const fail = (reason: SyncErrorReason, detail: string): DecodeResult => ({ ok: false, reason, detail })

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * Decodes one client frame of the y-websocket protocol without touching any document: the framing must be
 * whole, a state vector must decode, and no payload may exceed `maxUpdateBytes`. Whether an update's
 * content is valid Yjs is found out by applying it (see `Room`), which parses it anyway. Never throws.
 */
export const decodeClientMessage = (frame: Uint8Array, maxUpdateBytes: number): DecodeResult => {
  try {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.Sync:
        return decodeSync(decoder, maxUpdateBytes)
      case MessageType.Awareness: {
        const length = decoding.readVarUint(decoder)
        if (length > maxUpdateBytes) {
          return fail(SyncErrorReason.UpdateTooLarge, `awareness update of ${length} bytes`)
        }
        // slice() so the payload owns exactly its bytes; the frame's buffer may be larger or reused.
        const update = decoding.readUint8Array(decoder, length).slice()
        return { ok: true, message: { type: 'awareness', update, exact: decoder.pos === frame.length } }
      }
      case MessageType.QueryAwareness:
        return { ok: true, message: { type: 'query-awareness' } }
      default:
        return fail(SyncErrorReason.UnknownMessageType, `message type ${type}`)
    }
  } catch (error) {
    return fail(SyncErrorReason.MalformedFrame, errorText(error))
  }
}

const decodeSync = (decoder: decoding.Decoder, maxUpdateBytes: number): DecodeResult => {
  const subtype = decoding.readVarUint(decoder)
  if (
    subtype !== SyncMessageType.Step1 &&
    subtype !== SyncMessageType.Step2 &&
    subtype !== SyncMessageType.Update
  ) {
    return fail(SyncErrorReason.UnknownMessageType, `sync message type ${subtype}`)
  }
  const length = decoding.readVarUint(decoder)
  if (length > maxUpdateBytes) {
    return fail(SyncErrorReason.UpdateTooLarge, `update of ${length} bytes exceeds ${maxUpdateBytes}`)
  }
  const payload = decoding.readUint8Array(decoder, length).slice()
  if (subtype === SyncMessageType.Step1) {
    try {
      Y.decodeStateVector(payload)
    } catch (error) {
      return fail(SyncErrorReason.InvalidUpdate, `state vector: ${errorText(error)}`)
    }
    return { ok: true, message: { type: 'sync-step1', stateVector: payload } }
  }
  return { ok: true, message: { type: 'sync-update', update: payload } }
}

const encodeWith = (write: (encoder: encoding.Encoder) => void): Uint8Array<ArrayBuffer> => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>
}

/** The server's sync step 1: its state vector, asking the client for what the server lacks. */
export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array<ArrayBuffer> =>
  encodeWith((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync)
    encoding.writeVarUint(encoder, SyncMessageType.Step1)
    encoding.writeVarUint8Array(encoder, stateVector)
  })

/** Sync step 2: the update a client lacks, in answer to its step 1. */
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array<ArrayBuffer> =>
  encodeWith((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync)
    encoding.writeVarUint(encoder, SyncMessageType.Step2)
    encoding.writeVarUint8Array(encoder, update)
  })

/** A live update relayed to the other sockets of a room. */
export const encodeSyncUpdate = (update: Uint8Array): Uint8Array<ArrayBuffer> =>
  encodeWith((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync)
    encoding.writeVarUint(encoder, SyncMessageType.Update)
    encoding.writeVarUint8Array(encoder, update)
  })

/** An awareness update (y-protocols/awareness encoding inside). */
export const encodeAwareness = (update: Uint8Array): Uint8Array<ArrayBuffer> =>
  encodeWith((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Awareness)
    encoding.writeVarUint8Array(encoder, update)
  })
