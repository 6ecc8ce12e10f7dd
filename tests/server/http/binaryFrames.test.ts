import type { AddressInfo, Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { binaryFrames } from '../../../server/http/binaryFrames'

/** Writes the bytes straight onto a server socket and collects what a real websocket client reads from them. */
const readAsClient = async (server: WebSocketServer, bytes: Buffer, count: number): Promise<Buffer[]> => {
  server.once('connection', (socket) => (socket as unknown as { _socket: Socket })._socket.write(bytes))
  const { port } = server.address() as AddressInfo
  const client = new WebSocket(`ws://127.0.0.1:${port}`, { maxPayload: 1 << 24 })
  const messages: Buffer[] = []
  await new Promise<void>((resolve, reject) => {
    client.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) reject(new Error('a text frame'))
      messages.push(data)
      if (messages.length === count) resolve()
    })
    client.on('error', reject)
    client.on('close', (code) => reject(new Error(`closed with ${code}`)))
  })
  client.terminate()
  return messages
}

describe('binaryFrames', () => {
  let server: WebSocketServer
  afterEach(() => new Promise((resolve) => server.close(resolve)))
  const listen = () =>
    new Promise<void>((resolve) => {
      server = new WebSocketServer({ port: 0, host: '127.0.0.1' }, resolve)
    })

  it('frames payloads of every length class so a websocket client reads each back exactly', async () => {
    await listen()
    const lengths = [0, 1, 125, 126, 1000, 65_535, 65_536, 200_000]
    const payloads = lengths.map((length, i) => {
      const payload = new Uint8Array(length)
      for (let k = 0; k < length; k++) payload[k] = (k * 7 + i) % 256
      return payload
    })
    const received = await readAsClient(server, binaryFrames(payloads), lengths.length)
    expect(received.map((message) => message.byteLength)).toEqual(lengths)
    expect(received.map((message, i) => message.equals(payloads[i]!))).toEqual(lengths.map(() => true))
  })

  it('frames a view into a larger buffer by its own bytes only', async () => {
    await listen()
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9])
    const [message] = await readAsClient(server, binaryFrames([backing.subarray(2, 5)]), 1)
    expect([...message!]).toEqual([1, 2, 3])
  })
})
