import type { z } from 'zod'
import { StorageIntegrityError } from './StorageIntegrityError'

/** Reads rows through a schema; a row this server did not write the way it reads is an integrity error. */
export const parseRows = <T extends z.ZodType>(schema: T, rows: unknown[], what: string): z.output<T>[] =>
  rows.map((row) => parseRow(schema, row, what))

export const parseRow = <T extends z.ZodType>(schema: T, row: unknown, what: string): z.output<T> => {
  // The row schemas parse into domain schemas inside their transforms, which throw rather than report.
  let parsed: z.ZodSafeParseResult<z.output<T>>
  try {
    parsed = schema.safeParse(row)
  } catch (error) {
    throw new StorageIntegrityError(`stored ${what} is malformed: ${String(error)}`)
  }
  if (!parsed.success) throw new StorageIntegrityError(`stored ${what} is malformed: ${parsed.error.message}`)
  return parsed.data
}
