import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwareness, encodeSyncUpdate } from './messageCodec'
import type { RelayLoad } from './RelayLoad'
import type { SocketPort } from './SocketPort'

export interface OutboxOptions {
  /** While merging, changes after a send wait at most this long and then go out together. 0 never merges. */
  readonly windowMs: number
  /**
   * Whether to merge now, read per change, and told of every send. Without one, the window always applies.
   */
  readonly load?: Pick<RelayLoad, 'merging' | 'report'>
  readonly awareness: awarenessProtocol.Awareness
  /** The sockets to send to, read at send time. */
  readonly sockets: () => Iterable<SocketPort>
}

/** Counts event-loop turns for every outbox of the process, with one `setImmediate` per turn at most. */
let turn = 0
let turnEnding = false
const endTurn = () => {
  turnEnding = false
  turn++
}
const currentTurn = (): number => {
  if (!turnEnding) {
    turnEnding = true
    setImmediate(endTurn)
  }
  return turn
}

/**
 * What a room relays to its sockets: stored document updates and presence changes. Each change goes out at
 * the end of the event-loop turn it arrived in, so a keystroke and the cursor move read with it leave as one
 * write per socket. Sending is what costs a server most (one `writev` per frame per socket), so while the
 * process is loaded (`RelayLoad`) changes are throttled too: the first change after a quiet `windowMs` goes out
 * at the end of its turn, and changes arriving within the window after it are merged into one update frame
 * and one presence frame per socket, written together. A loaded room of 200 typing people then needs a
 * fraction of the system calls, at most `windowMs` of added delay; a quiet room of any size gets none.
 */
export class Outbox {
  private updates: Uint8Array[] = []
  private updateOrigins = new Set<SocketPort | null>()
  private presenceIds = new Set<number>()
  /** Changes since the last send, and the event-loop turns they arrived in (unmerged, one write per turn). */
  private changes = 0
  private turns = 0
  private lastTurn = -1
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
    // Without merging, each turn's changes would have left as one write per socket.
    const { changes, turns } = this
    this.changes = 0
    this.turns = 0
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
    let writes = 0
    for (const socket of this.options.sockets()) {
      if (!socket.isOpen) continue
      const update = socket === updateExcept ? null : updateFrame
      const presence = socket === presenceExcept ? null : presenceFrame
      if (both !== null && update !== null && presence !== null) socket.sendMany(both)
      else if (update !== null) socket.send(update)
      else if (presence !== null) socket.send(presence)
      else continue
      writes++
    }
    this.options.load?.report({ writes, unmergedWrites: writes * Math.max(turns, 1), backlog: changes })
  }

  /** Drops anything waiting (the room is going away). */
  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    if (this.immediate !== null) clearImmediate(this.immediate)
    this.timer = null
    this.immediate = null
    this.updates = []
    this.presenceIds.clear()
    this.changes = 0
    this.turns = 0
  }

  private schedule(): void {
    this.changes++
    if (this.options.load !== undefined) {
      const now = currentTurn()
      if (now !== this.lastTurn) {
        this.lastTurn = now
        this.turns++
      }
    }
    if (this.timer !== null || this.immediate !== null) return
    const merging = this.options.windowMs > 0 && (this.options.load?.merging ?? true)
    const wait = merging ? this.quietAfter - performance.now() : 0
    // Even "at once" waits for the end of this turn of the event loop (`setImmediate` runs after the network
    // reads of the same turn): frames read together (a keystroke and its cursor move) go out together, one
    // write per socket, at no added delay.
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
