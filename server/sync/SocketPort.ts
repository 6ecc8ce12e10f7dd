/**
 * The sync core's view of a socket, so it knows nothing of Hono or `ws` (tests pass an in-memory double).
 * `send` takes bytes that may be shared between sockets: implementations must not mutate them.
 */
export interface SocketPort {
  send(frame: Uint8Array): void
  /** Sends several frames in one write where the transport can (fewer system calls than `send` each). */
  sendMany(frames: readonly Uint8Array[]): void
  close(code: number, reason: string): void
  readonly isOpen: boolean
}
