import * as z from 'zod/mini'

/**
 * A line of text a person types (a name, a title): trimmed, not empty, at most `max` characters,
 * with no control characters (they break exports, logs and file names).
 */
export const singleLine = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(max, `must be at most ${max} characters`),
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    z.regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters'),
  )

/** Longer text that may span lines (a societal challenge, a note). */
export const multiLine = (max: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(max, `must be at most ${max} characters`),
    // biome-ignore lint/suspicious/noControlCharactersInRegex: tabs and newlines are allowed, other controls not
    z.regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'must not contain control characters'),
  )

/** An instant as an ISO 8601 string in UTC, as the API and the stores exchange it. */
export const Timestamp = z.iso.datetime()
export type Timestamp = z.infer<typeof Timestamp>
