import { afterEach, describe, expect, it } from 'vitest'
import { RateLimiter } from '../../../server/http/RateLimiter'

describe('RateLimiter', () => {
  let limiter: RateLimiter | null = null
  afterEach(() => limiter?.stop())

  it('allows a burst, refuses past it, and refills at the configured rate per address', () => {
    let now = 0
    limiter = new RateLimiter({ perMinute: 60, burst: 3 }, () => now)
    expect([1, 2, 3, 4].map(() => limiter!.take('10.0.0.1'))).toEqual([true, true, true, false])
    expect(limiter.take('10.0.0.2')).toBe(true)
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(1)
    now += 1_000
    expect(limiter.take('10.0.0.1')).toBe(true)
    expect(limiter.take('10.0.0.1')).toBe(false)
    now += 60_000
    expect([1, 2, 3, 4].map(() => limiter!.take('10.0.0.1'))).toEqual([true, true, true, false])
  })
})
