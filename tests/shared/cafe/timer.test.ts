import { describe, expect, it } from 'vitest'
import {
  addMinute,
  announcement,
  clockOffset,
  idleTimer,
  pause,
  remainingMs,
  resume,
  startRound,
} from '../../../shared/cafe/timer'

describe('the café timer', () => {
  it('counts down in server time, pauses, resumes and takes an extra minute', () => {
    const started = startRound(2, 600_000, 1_000_000)
    expect(remainingMs(started, 1_100_000)).toBe(500_000)
    const paused = pause(started, 1_200_000)
    expect(remainingMs(paused, 9_999_999)).toBe(400_000)
    expect(remainingMs(addMinute(paused), 0)).toBe(460_000)
    const resumed = resume(addMinute(paused), 2_000_000)
    expect(remainingMs(resumed, 2_060_000)).toBe(400_000)
    expect(remainingMs(resumed, 9_000_000)).toBe(0)
    expect(remainingMs(addMinute(idleTimer), 0)).toBe(60_000)
  })

  it('takes the offset from the sample with the shortest round trip', () => {
    expect(
      clockOffset([
        { sentAt: 0, serverTime: 30_500, receivedAt: 900 },
        { sentAt: 1_000, serverTime: 31_020, receivedAt: 1_040 },
      ]),
    ).toBe(30_000)
    expect(clockOffset([])).toBe(0)
  })

  it('announces one minute left and the end, not every second', () => {
    expect(announcement(61_000, 60_000)).toBe('one-minute')
    expect(announcement(60_000, 59_000)).toBeNull()
    expect(announcement(1_000, 0)).toBe('ended')
    expect(announcement(0, 0)).toBeNull()
  })
})
