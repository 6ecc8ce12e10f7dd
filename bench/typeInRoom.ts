import * as Y from 'yjs'
import type { BenchClient } from './BenchClient'

export interface TypingOptions {
  readonly editsPerSecond: number
  /** Send a cursor awareness update with every edit (S1a, S5); otherwise presence is set once (S1b). */
  readonly cursors: boolean
  /** Type at a random place (the receivers apply every update at once) or at the end. */
  readonly applyOnArrival: boolean
}

/**
 * Starts each client typing one digit (its index's last) `editsPerSecond` times a second, at phases spread
 * over the interval so the room's load is steady; returns what stops them. `index` is the client's place
 * in the whole room, also when a process runs only its share.
 */
export const typeInRoom = (
  clients: readonly { readonly client: BenchClient; readonly index: number }[],
  options: TypingOptions,
): (() => void) => {
  const interval = 1000 / options.editsPerSecond
  const timers: NodeJS.Timeout[] = []
  for (const { client, index } of clients) {
    const text = client.doc.getText('t')
    const edit = () => {
      const at = options.applyOnArrival ? Math.floor(Math.random() * (text.length + 1)) : text.length
      text.insert(at, `${index % 10}`)
      if (options.cursors) {
        const cursor = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, at + 1))
        client.setPresence({ user: { name: `Deltagare ${index}` }, cursor: { anchor: cursor, head: cursor } })
      }
    }
    timers.push(
      setTimeout(() => {
        edit()
        timers.push(setInterval(edit, interval))
      }, Math.random() * interval),
    )
  }
  return () => {
    for (const timer of timers) clearInterval(timer)
  }
}
