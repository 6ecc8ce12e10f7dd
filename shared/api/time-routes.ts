import * as z from 'zod/mini'
import { lazySchema } from '../schema/lazy-schema'
import { defineContract } from './route-contract'

/* The server's clock, for the café timer: devices measure their offset to it (shared/cafe/timer.ts). */

export const ServerTime = lazySchema(() => z.object({ now: z.number().check(z.int(), z.nonnegative()) }))

export const serverTime = defineContract({
  method: 'get',
  path: '/api/time',
  summary: "The server's clock in ms since the epoch, so every device shows the same remaining time",
  status: 200,
  response: ServerTime,
})
