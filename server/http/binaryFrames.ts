/**
 * Server-to-client websocket frames (RFC 6455 §5.2: final, binary, unmasked) for these payloads, in one
 * buffer. A relay frames a change once and writes the same bytes to every socket, instead of `ws` building
 * a header and a `writev` for each socket.
 */
export const binaryFrames = (payloads: readonly Uint8Array[]): Buffer => {
  let size = 0
  for (const payload of payloads) size += headerLength(payload.byteLength) + payload.byteLength
  const out = Buffer.allocUnsafe(size)
  let at = 0
  for (const payload of payloads) {
    const length = payload.byteLength
    out[at++] = 0x82
    if (length < 126) {
      out[at++] = length
    } else if (length < 65_536) {
      out[at++] = 126
      out.writeUInt16BE(length, at)
      at += 2
    } else {
      out[at++] = 127
      out.writeBigUInt64BE(BigInt(length), at)
      at += 8
    }
    out.set(payload, at)
    at += length
  }
  return out
}

const headerLength = (length: number): number => (length < 126 ? 2 : length < 65_536 ? 4 : 10)
