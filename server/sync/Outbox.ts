import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwareness, encodeSyncUpdate } from './messageCodec'
import type { SocketPort } from './SocketPort'

export interface OutboxOptions {
  /** After a send, further changes wait at most this long and then go out together. 0 sends each turn's at once. */
  readonly windowMs: number
  /**
   * The window applies once a room has this many sockets. Merging saves a system call per socket per change,
   * which matters in a room of hundreds; a workshop of forty gets every change at the end of its turn.
   */
  readonly windowFromSockets?: number
  readonly awareness: awarenessProtocol.Awareness
  /** The sockets to send to, read at send time. */
  readonly sockets: () => Iterable<SocketPort>
  readonly socketCount?: () => number
}

/**
 * What a room relays to its sockets: stored document updates and presence changes. Sending is what costs a
 * server most (one `writev` per frame per socket), so changes are throttled: the first change after a quiet
 * `windowMs` goes out at the end of the event-loop turn it arrived in (so a keystroke and the cursor move read
 * with it leave as one write); changes arriving within the window after it are merged into one update frame
 * and one presence frame per socket, written together. A room of 200 typing people then needs a fraction of
 * the system calls, at most `windowMs` of added delay, and none at all for a quiet room.
 */
export class Outbox {
  private updates: Uint8Array[] = []
  private updateOrigins = new Set<SocketPort | null>()
  private presenceIds = new Set<number>()
  private presenceFrame: Uint8Array | null = null
  private presenceOrigins = new Set<SocketPort | null>()
  private timer: NodeJS.Timeout | null = null
  private immediate: NodeJS.Immediate | null = null
  private quietAfter = 0

  constructor(private readonly options: OutboxOptions) {}

  /** A stored update to relay; `origin` is the socket it came from (not sent back). */
  addUpdate(update: Uint8Array, origin: SocketPort | null): void {
    this.updates.push(update)
    this.updateOrigins.add(origin)
    this.schedule()
  }

  /**
   * Presence of these clients changed; `frame` is the message as received when it can be relayed as it is.
   * The current states are encoded at send time, so several changes of one client become one.
   */
  addPresence(clientIds: readonly number[], frame: Uint8Array | null, origin: SocketPort | null): void {
    for (const id of clientIds) this.presenceIds.add(id)
    this.presenceFrame =
      this.presenceOrigins.size === 0 && this.presenceIds.size === clientIds.length ? frame : null
    this.presenceOrigins.add(origin)
    this.schedule()
  }

  /** Sends whatever is waiting now. */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (this.immediate !== null) {
      clearImmediate(this.immediate)
      this.immediate = null
    }
    const updateFrame = this.takeUpdateFrame()
    const presenceFrame = this.takePresenceFrame()
    const updateExcept = this.updateOrigins.size === 1 ? [...this.updateOrigins][0]! : null
    const presenceExcept = this.presenceOrigins.size === 1 ? [...this.presenceOrigins][0]! : null
    this.updateOrigins = new Set()
    this.presenceOrigins = new Set()
    if (updateFrame === null && presenceFrame === null) return
    this.quietAfter = performance.now() + this.options.windowMs
    // One list for every socket that gets both, so a transport can frame it once for all of them.
    const both = updateFrame !== null && presenceFrame !== null ? [updateFrame, presenceFrame] : null
    for (const socket of this.options.sockets()) {
      if (!socket.isOpen) continue
      const update = socket === updateExcept ? null : updateFrame
      const presence = socket === presenceExcept ? null : presenceFrame
      if (both !== null && update !== null && presence !== null) socket.sendMany(both)
      else if (update !== null) socket.send(update)
      else if (presence !== null) socket.send(presence)
    }
  }

  /** Drops anything waiting (the room is going away). */
  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    if (this.immediate !== null) clearImmediate(this.immediate)
    this.timer = null
    this.immediate = null
    this.updates = []
    this.presenceIds.clear()
  }

  private schedule(): void {
    if (this.timer !== null || this.immediate !== null) return
    const windowed = (this.options.socketCount?.() ?? 0) >= (this.options.windowFromSockets ?? 0)
    const wait = windowed ? this.quietAfter - performance.now() : 0
    // Even "at once" waits for the end of this turn of the event loop: frames read from the network together
    // (a keystroke and its cursor move) go out together, one write per socket, at no added delay.
    if (wait <= 0) this.immediate = setImmediate(() => this.flush())
    else this.timer = setTimeout(() => this.flush(), wait)
  }

  private takeUpdateFrame(): Uint8Array | null {
    const updates = this.updates
    if (updates.length === 0) return null
    this.updates = []
    // Encoded here, once per relay rather than once per update: a merge needs one frame only.
    return encodeSyncUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates))
  }

  private takePresenceFrame(): Uint8Array | null {
    if (this.presenceIds.size === 0) return null
    const frame =
      this.presenceFrame ??
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.options.awareness, [...this.presenceIds]))
    this.presenceIds.clear()
    this.presenceFrame = null
    return frame
  }
}
