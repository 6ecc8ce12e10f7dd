import { describe, expect, it } from 'vitest'
import type { NetworkInfo } from '../../shared/api/network-routes'
import { startTestServer } from '../helpers/test-server'
import { TestWorkspace } from '../helpers/workspace'

describe('reaching the room’s network', () => {
  it('says when the server listens on this machine only, so the invite panel can tell the facilitator', async () => {
    const server = await startTestServer({ HOST: '127.0.0.1' })
    try {
      const info = (await (await fetch(`${server.url}/api/network`)).json()) as NetworkInfo
      expect(info).toEqual({ listensOnNetwork: false, addresses: [], publicUrl: null })
    } finally {
      await server.close()
    }
  })

  it('with HOST=0.0.0.0 lists the room’s addresses and points invite links made on this machine at one of them', async () => {
    const server = await startTestServer({ HOST: '0.0.0.0' })
    try {
      const info = (await (await fetch(`http://127.0.0.1:${server.port}/api/network`)).json()) as NetworkInfo
      expect(info.listensOnNetwork).toBe(true)
      const workspace = await TestWorkspace.create(`http://127.0.0.1:${server.port}`)
      const link = new URL(workspace.created.invites.participant.url)
      if (info.addresses.length > 0) {
        expect(info.addresses).toContain(link.origin)
        expect(link.hostname).not.toBe('127.0.0.1')
      } else {
        // A machine with no network but loopback: the request's own origin is all there is.
        expect(link.origin).toBe(`http://127.0.0.1:${server.port}`)
      }
    } finally {
      await server.close()
    }
  })
})
