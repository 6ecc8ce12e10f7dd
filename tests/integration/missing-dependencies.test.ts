import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { parseConfig } from '../../server/config'
import { createLogger } from '../../server/logger'
import { type RunningServer, startServer } from '../../server/startServer'
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage'
import { encodeSyncStep2, encodeSyncUpdate } from '../../server/sync/messageCodec'
import { MessageType, SyncMessageType } from '../../shared/protocol/message-type'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

describe('an update that builds on content the server does not have', () => {
  let server: RunningServer | null = null
  afterEach(async () => {
    await server?.close()
    server = null
  })

  it('makes the server ask its sender for the missing part, then converge — logged at warn and counted', async () => {
    const lines: string[] = []
    server = await startServer({
      config: parseConfig({ PORT: '0', LOG_LEVEL: 'warn' }),
      storage: openSqliteStorage({ file: ':memory:' }),
      logger: createLogger('warn', { write: (line) => lines.push(line) }),
    })
    const url = `http://127.0.0.1:${server.port}`
    const workspace = await TestWorkspace.create(url)
    const docId = await workspace.document('Ur ordning')

    // Two edits, the second building on the first; only the second is sent as an update.
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    doc.getText('t').insert(0, 'först ')
    doc.getText('t').insert(6, 'sedan')
    const [, second] = updates

    // A client that does not answer the handshake's sync step 1, but answers any later one as the standard
    // client would: with everything it has beyond the server's state vector.
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/sync/${docId}?token=${workspace.token}`)
    let stepOnes = 0
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== MessageType.Sync) return
      if (decoding.readVarUint(decoder) !== SyncMessageType.Step1) return
      stepOnes++
      if (stepOnes === 1) {
        socket.send(encodeSyncUpdate(second!))
        return
      }
      socket.send(encodeSyncStep2(Y.encodeStateAsUpdate(doc, decoding.readVarUint8Array(decoder))))
    })
    const reader = connectProvider(`ws://127.0.0.1:${server.port}/sync`, docId, workspace.token)
    try {
      await waitSynced(reader)
      await waitFor(
        () => reader.doc.getText('t').toString() === 'först sedan',
        'the reader to get both edits',
      )
      expect(stepOnes).toBe(2)
      expect(server.registry.counters.missingDependencies).toBe(1)
      expect(server.registry.counters.missingDependencyCloses).toBe(0)
      const warnings = lines
        .map((line) => JSON.parse(line) as { level: number; msg: string; docId?: string })
        .filter((entry) => entry.msg.includes('builds on content the server lacks'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatchObject({ level: 40, docId })
      expect(socket.readyState).toBe(WebSocket.OPEN)
    } finally {
      socket.close()
      destroyProvider(reader)
    }
  })
})
