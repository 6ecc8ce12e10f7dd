import * as z from 'zod/mini'

/**
 * A document id as it appears in `/sync/:docId`: URL-safe, 1–128 characters, starting with a letter or digit.
 * Kept narrow so ids are safe in file names, log lines and SQL without escaping.
 */
export const DocId = z
  .string()
  .check(
    z.regex(
      /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/,
      'a document id is 1–128 letters, digits, "_", "-" or ".", starting with a letter or digit',
    ),
  )
export type DocId = z.infer<typeof DocId>
