/** `promise`, or a rejection naming `what` once `ms` have passed: no scenario waits forever on a server. */
export const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)
  })
  // Cleared once settled: a pending timer would keep whatever `promise` holds alive until it fires.
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
