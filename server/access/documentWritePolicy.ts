import type { ClientOwnership } from '../attribution/ClientOwnership'
import type { ClientOwner } from '../storage/port'
import { DROP, type WritePolicy } from '../sync/WritePolicy'

export interface DocumentWritePolicyOptions {
  /** A shared screen, or a participant in a café's control room: receives everything, writes nothing. */
  readonly readOnly: boolean
  /** Who writes through the socket: content they add is attributed to them. */
  readonly author: ClientOwner
  readonly ownership: ClientOwnership
  /** Asked before each update (a café note: is the writer still seated at that table?); false drops it. */
  readonly seated?: () => boolean
}

/**
 * The write rules of a member's socket, in the order they are cheapest to decide: read-only sockets and
 * documents frozen for signing drop every update (the edit exists only on that device), a café note drops the
 * updates of someone no longer seated at its table, and content under another member's Yjs client id closes
 * the socket (4409). A read-only socket's presence is dropped too: a screen is not a participant.
 */
export const documentWritePolicy = ({
  readOnly,
  author,
  ownership,
  seated,
}: DocumentWritePolicyOptions): WritePolicy => ({
  presence: !readOnly,
  writer: author.memberId,
  // Who is here (presence lists, café attendance) is read from `user.memberId`: only one's own.
  presenceState: (json) => {
    if (!json.includes('memberId')) return true
    try {
      const memberId = (JSON.parse(json) as { user?: { memberId?: unknown } } | null)?.user?.memberId
      return memberId === undefined || memberId === author.memberId
    } catch {
      return false
    }
  },
  update(target, update) {
    if (readOnly || target.frozenState !== null) return DROP
    if (seated !== undefined && !seated()) return DROP
    return ownership.check(target, author, update)
  },
})
