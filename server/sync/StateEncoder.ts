import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * The worker's code, inline so the bundled server needs no second entry file. It rebuilds a document from
 * its stored parts and encodes it whole, garbage-collected — what `Y.encodeStateAsUpdate` gives for the room's
 * own document, pending structs included.
 */
const workerSource = (yjsPath: string) => `
const { parentPort } = require('node:worker_threads')
const Y = require(${JSON.stringify(yjsPath)})
parentPort.on('message', ({ id, parts }) => {
  try {
    const doc = new Y.Doc()
    doc.transact(() => {
      for (const part of parts) Y.applyUpdate(doc, part)
    })
    const state = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    parentPort.postMessage({ id, state }, [state.buffer])
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) })
  }
})
`

interface Reply {
  readonly id: number
  readonly state?: Uint8Array
  readonly error?: string
}

/**
 * Encodes documents whole on a worker thread, so compacting a large document (tens of milliseconds of
 * `encodeStateAsUpdate` on this machine for a 25,000-character worksheet, every 1,000 updates) never holds up
 * the event loop that relays everyone's keystrokes. One worker per process, started on first use; if it
 * dies, what it was doing fails (the compaction is retried later) and the next request starts a new one.
 */
export class StateEncoder {
  private worker: Worker | null = null
  private nextId = 1
  private readonly pending = new Map<
    number,
    { resolve: (state: Uint8Array) => void; reject: (error: Error) => void }
  >()
  /** Yjs's CommonJS build, resolved from here (an eval'd worker resolves from the working directory). */
  private readonly yjsPath = createRequire(import.meta.url).resolve('yjs')

  /** The whole document that these stored parts (a state and the updates after it) make, garbage-collected. */
  encode(parts: readonly Uint8Array[]): Promise<Uint8Array> {
    const worker = this.started()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      if (this.pending.size === 1) worker.ref()
      worker.postMessage({ id, parts })
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker !== null) await worker.terminate()
    this.failAll(new Error('state encoder closed'))
  }

  private started(): Worker {
    if (this.worker !== null) return this.worker
    // CommonJS: an eval'd worker cannot be an ES module with imports.
    const worker = new Worker(workerSource(this.yjsPath), { eval: true })
    worker.on('message', (reply: Reply) => {
      const entry = this.pending.get(reply.id)
      if (entry === undefined) return
      this.pending.delete(reply.id)
      if (this.pending.size === 0) worker.unref()
      if (reply.state !== undefined) entry.resolve(reply.state)
      else entry.reject(new Error(`encoding the document failed: ${reply.error ?? 'unknown error'}`))
    })
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = null
      this.failAll(error)
    })
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null
      this.failAll(new Error(`the state encoder's worker exited (${code})`))
    })
    // An idle worker must not keep the process alive; it is held while it has work.
    worker.unref()
    this.worker = worker
    return worker
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error)
    this.pending.clear()
  }
}
