/**
 * A token bucket per key (client address): `perMinute` requests a minute on average, bursts up to
 * `burst`. Buckets untouched for two minutes are forgotten, so memory stays bounded by recent clients.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()
  private readonly perMs: number
  private readonly burst: number
  private readonly sweeper: NodeJS.Timeout

  constructor(
    { perMinute, burst = perMinute }: { readonly perMinute: number; readonly burst?: number },
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000
    this.burst = burst
    this.sweeper = setInterval(() => this.sweep(), 60_000)
    this.sweeper.unref()
  }

  /** Takes one token for `key`; false when the bucket is empty (answer 429). */
  take(key: string): boolean {
    const now = this.now()
    const bucket = this.buckets.get(key)
    if (bucket === undefined) {
      this.buckets.set(key, { tokens: this.burst - 1, at: now })
      return true
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs)
    bucket.at = now
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }

  /** Seconds until `key` has a token again (for Retry-After). */
  retryAfterSeconds(key: string): number {
    const bucket = this.buckets.get(key)
    if (bucket === undefined || bucket.tokens >= 1) return 0
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000))
  }

  private sweep(): void {
    const stale = this.now() - 120_000
    for (const [key, bucket] of this.buckets) if (bucket.at < stale) this.buckets.delete(key)
  }

  stop(): void {
    clearInterval(this.sweeper)
  }
}
