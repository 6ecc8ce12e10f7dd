import * as z from 'zod/mini'
import { lazySchema } from '../schema/lazy-schema'

/**
 * The café's shared timer, as the facilitators set it in the control room. Times are the *server's* clock
 * (milliseconds since the epoch), so every screen shows the same remaining time whatever its own clock
 * says: each device adds its measured offset to the server (`clockOffset`) before reading it.
 */
export const CafeTimer = lazySchema(() =>
  z.object({
    round: z.number().check(z.int(), z.nonnegative()),
    state: z.enum(['idle', 'running', 'paused']),
    durationMs: z.number().check(z.int(), z.nonnegative(), z.maximum(24 * 3_600_000)),
    /** Server time the running round ends at (running only). */
    endsAt: z.nullable(z.number()),
    /** What was left when it was paused (paused only). */
    remainingMs: z.nullable(z.number()),
  }),
)
export type CafeTimer = z.infer<typeof CafeTimer>

export const idleTimer: CafeTimer = {
  round: 0,
  state: 'idle',
  durationMs: 0,
  endsAt: null,
  remainingMs: null,
}

/** What is left of the round at server time `now`, never below 0. */
export const remainingMs = (timer: CafeTimer, now: number): number => {
  switch (timer.state) {
    case 'idle':
      return timer.durationMs
    case 'paused':
      return Math.max(0, timer.remainingMs ?? 0)
    case 'running':
      return Math.max(0, (timer.endsAt ?? now) - now)
  }
}

export const startRound = (round: number, durationMs: number, now: number): CafeTimer => ({
  round,
  state: 'running',
  durationMs,
  endsAt: now + durationMs,
  remainingMs: null,
})

export const pause = (timer: CafeTimer, now: number): CafeTimer =>
  timer.state === 'running'
    ? { ...timer, state: 'paused', endsAt: null, remainingMs: remainingMs(timer, now) }
    : timer

export const resume = (timer: CafeTimer, now: number): CafeTimer =>
  timer.state === 'paused'
    ? { ...timer, state: 'running', endsAt: now + (timer.remainingMs ?? 0), remainingMs: null }
    : timer

/** "+1 min": a minute more, running or paused. */
export const addMinute = (timer: CafeTimer): CafeTimer => {
  switch (timer.state) {
    case 'running':
      return { ...timer, durationMs: timer.durationMs + 60_000, endsAt: (timer.endsAt ?? 0) + 60_000 }
    case 'paused':
      return {
        ...timer,
        durationMs: timer.durationMs + 60_000,
        remainingMs: (timer.remainingMs ?? 0) + 60_000,
      }
    case 'idle':
      return { ...timer, durationMs: timer.durationMs + 60_000 }
  }
}

/** One round-trip measurement of the server's clock: sent and received by the device's clock. */
export interface ClockSample {
  readonly sentAt: number
  readonly serverTime: number
  readonly receivedAt: number
}

/**
 * How far the server's clock is ahead of this device's (add it to `Date.now()` to get server time): the
 * sample with the shortest round trip, assuming the server read its clock half-way (as NTP does).
 */
export const clockOffset = (samples: readonly ClockSample[]): number => {
  const best = [...samples].sort((a, b) => a.receivedAt - a.sentAt - (b.receivedAt - b.sentAt))[0]
  if (best === undefined) return 0
  return best.serverTime - (best.sentAt + best.receivedAt) / 2
}

/**
 * Moments worth announcing to screen readers (not every second): the start, one minute left, the end.
 */
export const announcement = (before: number, after: number): 'one-minute' | 'ended' | null => {
  if (before > 60_000 && after <= 60_000 && after > 0) return 'one-minute'
  if (before > 0 && after === 0) return 'ended'
  return null
}
