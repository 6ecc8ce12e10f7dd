/**
 * Marks a branch the type system proves unreachable; throws if reached at run time.
 *
 * @example
 * switch (message.type) { case 'a': …; default: unexpectedCase(message) }
 */
export const unexpectedCase = (value?: never): never => {
  throw new Error(`Unexpected case: ${JSON.stringify(value)}`)
}
