/** Counts open websockets per client address and refuses more than `maxPerAddress` at once. */
export class ConnectionLimiter {
  private readonly open = new Map<string, number>()

  constructor(private readonly maxPerAddress: number) {}

  /** Reserves a connection for `address`; false when it already has the most allowed. */
  acquire(address: string): boolean {
    const count = this.open.get(address) ?? 0
    if (count >= this.maxPerAddress) return false
    this.open.set(address, count + 1)
    return true
  }

  release(address: string): void {
    const count = this.open.get(address) ?? 0
    if (count <= 1) this.open.delete(address)
    else this.open.set(address, count - 1)
  }
}
