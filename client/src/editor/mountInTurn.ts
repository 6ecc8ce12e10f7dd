/**
 * Runs `mount` now when nothing else is mounting, else in a task of its own after the ones before it; returns a
 * function that cancels it if it has not run yet.
 *
 * A sheet creates all its editors in the one task that renders it. On a phone each ProseMirror view costs
 * tens of milliseconds, and none of them can be typed in until the last is made: mounted in turn, the first
 * field is ready (and painted) after its own editor, and the others follow a task each, between which the
 * browser can handle a keystroke.
 */
export const mountInTurn = (mount: () => void): (() => void) => {
  if (!mounting) {
    mounting = true
    try {
      mount()
    } finally {
      schedule()
    }
    return () => undefined
  }
  const entry = { mount, cancelled: false }
  queue.push(entry)
  return () => {
    entry.cancelled = true
  }
}

interface Entry {
  readonly mount: () => void
  cancelled: boolean
}

const queue: Entry[] = []
/** True from a mount until the task after the last queued one: later calls wait their turn. */
let mounting = false

const schedule = () => setTimeout(next, 0)

const next = () => {
  let entry = queue.shift()
  while (entry?.cancelled === true) entry = queue.shift()
  if (entry === undefined) {
    mounting = false
    return
  }
  try {
    entry.mount()
  } finally {
    schedule()
  }
}
