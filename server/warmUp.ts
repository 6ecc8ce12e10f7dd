import WebSocket from 'ws'
import * as Y from 'yjs'
import { MessageType, SyncMessageType } from '../shared/protocol/message-type'
import type { TemplateId } from '../shared/schema/template-id'
import { encodeSyncStep1 } from './sync/messageCodec'
import type { WorkspaceService } from './workspaces/WorkspaceService'

export interface WarmUpOptions {
  /** A port of this server that only this process can reach (the public one is not open yet). */
  readonly port: number
  readonly workspaces: WorkspaceService
  /** The templates to open a document of, one per round. */
  readonly templates: readonly TemplateId[]
  readonly rounds?: number
  readonly timeoutMs?: number
}

/**
 * Warms the path a document's first opening after a restart takes, so that person does not wait for V8 to
 * compile it (measured: a cold first connection took ~18 ms just to open; see docs/PERFORMANCE.md, S3).
 * It is real traffic: a throwaway workspace is created through the workspace service, each round creates a
 * document and syncs it over a websocket with the workspace's session — the same authorisation, template
 * preparation and sync path everyone takes — and the workspace is deleted again, with everything in it.
 * One round leaves most of the path interpreted; a few let V8 compile it. Each round ends within
 * `timeoutMs` whatever happens; a failed warm-up only costs the first person the time again.
 */
export const warmUp = async ({
  port,
  workspaces,
  templates,
  rounds = 8,
  timeoutMs = 2_000,
}: WarmUpOptions): Promise<void> => {
  const created = await workspaces.createWorkspace(
    {
      name: 'Uppvärmning',
      challenge: 'Serverns uppvärmning vid start; tas bort direkt.',
      parties: [
        { name: 'Kommun', kind: 'public' },
        { name: 'Förening', kind: 'nonprofit' },
      ],
      creator: { name: 'Uppvärmning', party: 0 },
    },
    `http://127.0.0.1:${port}`,
  )
  const token = created.session.token
  const member = await workspaces.authenticate(token)
  if (member === null) throw new Error('the warm-up workspace has no session')
  try {
    for (let round = 0; round < rounds && templates.length > 0; round++) {
      const template = templates[round % templates.length]!
      const document = await workspaces.createDocument(member, { template, title: 'Uppvärmning' })
      await syncOnce(port, document.id, token, timeoutMs)
    }
  } finally {
    await workspaces.deleteWorkspace(member)
  }
}

const syncOnce = (port: number, docId: string, token: string, timeoutMs: number): Promise<void> =>
  new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/sync/${docId}?token=${token}`)
    const done = () => {
      clearTimeout(timer)
      ws.terminate()
      resolve()
    }
    const timer = setTimeout(done, timeoutMs)
    ws.on('open', () => {
      ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    })
    ws.on('message', (data: Buffer) => {
      // Sync step 2 (0, 1) answers ours: the whole path has run once.
      if (data[0] === MessageType.Sync && data[1] === SyncMessageType.Step2) done()
    })
    ws.on('error', done)
  })
