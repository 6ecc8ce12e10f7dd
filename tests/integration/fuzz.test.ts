import { isDeepStrictEqual } from 'node:util'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/sync-error'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { createPrng, type Prng } from '../helpers/prng'
import { type ServerProcess, spawnServer } from '../helpers/test-server'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

const MAX_UPDATE_BYTES = 16_384
const FRAMES = 5_200
const WORKERS = 24

type Kind = 'random' | 'truncated' | 'oversized' | 'unknown-type' | 'garbage-update' | 'text-frame' | 'valid'

/** What the server must do with each kind: the close codes allowed, or 'open' if it must stay open. */
const expectedOutcome: Record<Kind, readonly (number | 'open')[]> = {
  random: ['open', CloseCode.BadRequest, CloseCode.PayloadTooLarge],
  truncated: [CloseCode.BadRequest],
  oversized: [CloseCode.PayloadTooLarge],
  'unknown-type': [CloseCode.BadRequest],
  'garbage-update': [CloseCode.BadRequest],
  'text-frame': [CloseCode.BadRequest],
  valid: ['open'],
}

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}
const syncUpdateFrame = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 2)
    encoding.writeVarUint8Array(e, update)
  })

/** A real update on a root type the well-behaved clients do not use, so fuzz sockets cannot disturb their text. */
const validUpdate = (prng: Prng, size: number): Uint8Array => {
  const doc = new Y.Doc()
  doc.getMap('fuzz').set(`k${prng.int(0, 1e6)}`, 'x'.repeat(size))
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

const makeFrame = (kind: Kind, prng: Prng): Uint8Array | string => {
  switch (kind) {
    case 'random':
      return prng.bytes(prng.int(1, 300))
    case 'truncated': {
      const full = syncUpdateFrame(validUpdate(prng, prng.int(5, 200)))
      return full.slice(0, prng.int(1, full.length - 1))
    }
    case 'oversized':
      return prng.bool()
        ? syncUpdateFrame(validUpdate(prng, MAX_UPDATE_BYTES + prng.int(1, 8_000)))
        : frame((e) => {
            encoding.writeVarUint(e, 1)
            encoding.writeVarUint8Array(e, new Uint8Array(MAX_UPDATE_BYTES + prng.int(1, 8_000)))
          })
    case 'unknown-type':
      return prng.bool()
        ? frame((e) => encoding.writeVarUint(e, prng.int(4, 100_000)))
        : frame((e) => {
            encoding.writeVarUint(e, 0)
            encoding.writeVarUint(e, prng.int(3, 1_000))
            encoding.writeVarUint8Array(e, prng.bytes(8))
          })
    case 'garbage-update':
      return syncUpdateFrame(prng.bytes(prng.int(1, 64)).map((b, i) => (i === 0 ? Math.min(b, 250) : b)))
    case 'text-frame':
      return 'hello'
    case 'valid':
      return syncUpdateFrame(validUpdate(prng, prng.int(1, 100)))
  }
}

interface Outcome {
  readonly kind: Kind
  readonly result: number | 'open'
}

/** Opens a socket, sends one fuzz frame and a sync-step-1 probe; the probe's answer means it survived. */
const fuzzOnce = (url: string, kind: Kind, payload: Uint8Array | string): Promise<Outcome> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.binaryType = 'nodebuffer'
    let probing = false
    const timer = setTimeout(() => reject(new Error(`no answer for a ${kind} frame`)), 10_000)
    ws.on('open', () => {
      ws.send(payload)
      // Sync step 1 with an empty state vector: the server answers with step 2, which it never sends unasked
      // (a query-awareness answer looks exactly like the presence frame every socket gets on joining).
      ws.send(Uint8Array.of(0, 0, 1, 0))
      probing = true
    })
    ws.on('message', (data: Buffer) => {
      // The probe's answer is sync step 2; the join's own frames (step 1, presence) may come first.
      if (probing && data[0] === 0 && data[1] === 1) {
        clearTimeout(timer)
        ws.removeAllListeners('close')
        ws.close()
        resolve({ kind, result: 'open' })
      }
    })
    ws.on('close', (code) => {
      clearTimeout(timer)
      resolve({ kind, result: code })
    })
    ws.on('error', () => {})
  })

describe('bad input over the websocket', () => {
  let server: ServerProcess
  let workspace: TestWorkspace
  let docId: string
  beforeAll(async () => {
    // Thousands of sockets from one address in a minute: lift the per-address limit for this test.
    server = await spawnServer({
      STORAGE: 'memory',
      MAX_UPDATE_BYTES: String(MAX_UPDATE_BYTES),
      RATE_LIMIT_PER_MINUTE: '1000000',
    })
    workspace = await TestWorkspace.create(server.url)
    docId = await workspace.document('fuzz')
  })
  afterAll(async () => {
    server.child.kill('SIGTERM')
    await server.exited
  })

  it(`${FRAMES} seeded bad frames close only the offending sockets with documented codes while good clients converge`, async () => {
    const prng = createPrng(4_400)
    const kinds: Kind[] = [
      'random',
      'random',
      'truncated',
      'oversized',
      'unknown-type',
      'garbage-update',
      'text-frame',
      'valid',
    ]
    const plan = Array.from({ length: FRAMES }, () => {
      const kind = prng.pick(kinds)
      return { kind, payload: makeFrame(kind, prng) }
    })

    const good: WebsocketProvider[] = [
      connectProvider(server.wsUrl, docId, workspace.token),
      connectProvider(server.wsUrl, docId, workspace.token),
    ]
    await Promise.all(good.map((p) => waitSynced(p)))
    const [a, b] = good as [WebsocketProvider, WebsocketProvider]
    let goodDisconnects = 0
    for (const provider of good) {
      provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') goodDisconnects++
      })
    }
    let marker = 0
    const checkConvergence = async () => {
      const m = marker++
      a.doc.getText('t').insert(a.doc.getText('t').length, `A${m};`)
      b.doc.getText('t').insert(0, `B${m};`)
      await waitFor(
        () =>
          a.doc.getText('t').toString().includes(`B${m};`) &&
          b.doc.getText('t').toString().includes(`A${m};`) &&
          isDeepStrictEqual(a.doc.getText('t').toString(), b.doc.getText('t').toString()),
        `good clients to converge at checkpoint ${m}`,
      )
    }

    const outcomes: Outcome[] = []
    let next = 0
    const worker = async () => {
      while (next < plan.length) {
        const item = plan[next++]!
        outcomes.push(
          await fuzzOnce(`${server.wsUrl}/${docId}?token=${workspace.token}`, item.kind, item.payload),
        )
        if (outcomes.length % 500 === 0) await checkConvergence()
      }
    }
    await Promise.all(Array.from({ length: WORKERS }, worker))
    await checkConvergence()

    expect(outcomes).toHaveLength(FRAMES)
    const unexpected = outcomes.filter((o) => !expectedOutcome[o.kind].includes(o.result))
    expect(unexpected.slice(0, 5)).toEqual([])
    // The good clients never lost their connection, and the room was never reset.
    expect(goodDisconnects).toBe(0)
    expect(server.logs.filter((line) => line.includes('room reset'))).toEqual([])
    expect(server.child.exitCode).toBeNull()
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    // Every kind was exercised, and the must-close kinds really closed.
    for (const kind of kinds) expect(outcomes.some((o) => o.kind === kind)).toBe(true)
    expect(outcomes.filter((o) => o.result === CloseCode.PayloadTooLarge).length).toBeGreaterThan(100)
    // A client arriving afterwards gets the same text the good clients converged on.
    const late = connectProvider(server.wsUrl, docId, workspace.token)
    await waitSynced(late)
    await waitFor(
      () => late.doc.getText('t').toString() === a.doc.getText('t').toString(),
      'late client to match',
    )
    for (const provider of [...good, late]) destroyProvider(provider)
  }, 120_000)
})
