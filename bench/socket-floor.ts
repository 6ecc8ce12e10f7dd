// `tsx bench/socket-floor.ts`: what 1,000 idle websocket connections cost a bare `ws` server on this
// machine (no Yjs, no rooms) — the memory floor under any Node websocket sync server's per-room figure.
// Arguments are Node flags for the measured processes: `tsx bench/socket-floor.ts --max-semi-space-size=1`
// measures them as `npm start` runs the server.
import { spawn } from 'node:child_process'
import WebSocket from 'ws'
import { rssMiB } from './proc'

const nodeFlags = process.argv.slice(2)

const SERVER = `
const { WebSocketServer } = require('ws')
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
wss.on('listening', () => console.log(wss.address().port))
wss.on('connection', (ws) => ws.on('message', (m) => ws.send(m)))
`
const child = spawn(process.execPath, [...nodeFlags, '-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] })
const port = await new Promise<number>((resolve) =>
  child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString()))),
)
await new Promise((r) => setTimeout(r, 500))
const base = rssMiB(child.pid!)
const sockets: WebSocket[] = []
for (let i = 0; i < 1000; i++) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/room-${i >> 1}`)
  await new Promise((resolve) => ws.once('open', resolve))
  ws.send(Buffer.from([0, 0, 1, 0]))
  sockets.push(ws)
}
await new Promise((r) => setTimeout(r, 1000))
const after = rssMiB(child.pid!)
console.log(
  JSON.stringify({
    sockets: 1000,
    rssPerSocketKiB: ((after - base) * 1024) / 1000,
    rssPerPairKiB: ((after - base) * 1024) / 500,
  }),
)
for (const ws of sockets) ws.terminate()
child.kill()

// And what one loaded room's document costs, apart from sockets: a Y.Doc with its Awareness holding a few
// keystrokes of two people, as in S2 (live heap after GC, and RSS growth).
const DOCS = `
const Y = require('yjs')
const awarenessProtocol = require('y-protocols/awareness')
const N = 2000
const settle = () => new Promise((r) => setTimeout(r, 100))
;(async () => {
  gc(); await settle(); gc()
  const before = process.memoryUsage()
  const keep = []
  for (let i = 0; i < N; i++) {
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState(null)
    for (const name of ['a', 'b']) {
      const author = new Y.Doc()
      for (let k = 0; k < 3; k++) author.getText('t').insert(0, name)
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(author))
      author.destroy()
    }
    keep.push(awareness)
  }
  gc(); await settle(); gc()
  const after = process.memoryUsage()
  console.log(JSON.stringify({ docs: N, heapPerDocKiB: (after.heapUsed - before.heapUsed) / N / 1024, rssPerDocKiB: (after.rss - before.rss) / N / 1024 }))
  for (const awareness of keep) awareness.destroy()
})()
`
const docs = spawn(process.execPath, [...nodeFlags, '--expose-gc', '-e', DOCS], {
  stdio: ['ignore', 'inherit', 'inherit'],
})
await new Promise((resolve) => docs.once('exit', resolve))
