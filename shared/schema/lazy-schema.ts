import { z } from 'zod'

/**
 * A schema built the first time it parses (or is composed into one that parses), not when its module loads.
 * zod builds every schema eagerly, and the client imports the whole API's contracts: on a phone, building
 * them all took ~150 ms of a throttled main thread before the first field could be typed in, though a page
 * parses only a few. Built once: a memoized `z.lazy`, so `unwrap()` returns the same schema every time.
 */
export const lazySchema = <T extends z.ZodType>(build: () => T): z.ZodLazy<T> => {
  let schema: T | undefined
  return z.lazy(() => {
    schema ??= build()
    return schema
  })
}
