import * as z from 'zod/mini'

/**
 * A schema built the first time it parses (or is composed into one that parses), not when its module loads.
 * zod builds every schema eagerly, and the client imports the whole API's contracts: on a phone, building
 * them all took ~150 ms of a throttled main thread before the first field could be typed in, though a page
 * parses only a few. Built once: a memoized `z.lazy`, so `unwrap()` returns the same schema every time (zod/mini's own lazy has no `unwrap`).
 */
export const lazySchema = <T extends z.ZodMiniType>(build: () => T): LazySchema<T> => {
  let schema: T | undefined
  const built = (): T => {
    schema ??= build()
    return schema
  }
  return Object.assign(z.lazy(built), { unwrap: built })
}

/** A `lazySchema`: a `z.lazy` that also gives the schema it stands for, to extend or pick from. */
export type LazySchema<T extends z.ZodMiniType> = z.ZodMiniLazy<T> & { readonly unwrap: () => T }
