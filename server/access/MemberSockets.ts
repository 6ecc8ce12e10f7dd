/** Something that can be closed with a websocket close code. */
export interface Closable {
  close(code: number, reason: string): void
}

/**
 * Which open sockets belong to which member, so that removing a member or withdrawing their invite closes
 * their connections at once instead of at their next request.
 */
export class MemberSockets {
  private readonly byMember = new Map<string, Set<Closable>>()

  add(memberId: string, socket: Closable): void {
    let sockets = this.byMember.get(memberId)
    if (sockets === undefined) {
      sockets = new Set()
      this.byMember.set(memberId, sockets)
    }
    sockets.add(socket)
  }

  remove(memberId: string, socket: Closable): void {
    const sockets = this.byMember.get(memberId)
    if (sockets === undefined) return
    sockets.delete(socket)
    if (sockets.size === 0) this.byMember.delete(memberId)
  }

  /** Closes every socket of these members. */
  closeAll(memberIds: readonly string[], code: number, reason: string): void {
    for (const memberId of memberIds) {
      const sockets = this.byMember.get(memberId)
      if (sockets === undefined) continue
      this.byMember.delete(memberId)
      for (const socket of sockets) socket.close(code, reason)
    }
  }

  /** Members with open sockets. */
  members(): string[] {
    return [...this.byMember.keys()]
  }

  /** Open sockets of a member (for tests and metrics). */
  count(memberId: string): number {
    return this.byMember.get(memberId)?.size ?? 0
  }
}
