import { afterEach, describe, expect, it } from 'vitest'
import type { VocabularyState } from '../../shared/api/workspace-api'
import { startTestServer, type TestServer } from '../helpers/test-server'
import { TestWorkspace } from '../helpers/workspace'

describe("a workspace's own vocabulary guide", () => {
  let server: TestServer | null = null
  afterEach(async () => {
    await server?.close()
    server = null
  })

  it('starts as SKL’s guide, is replaced by a facilitator (not a participant), is validated, and can go back to SKL’s', async () => {
    server = await startTestServer()
    const url = `${server.url}/api/workspaces`
    const workspace = await TestWorkspace.create(server.url)
    const aisha = await workspace.join('participant', 'Aisha Förening', 1)
    const call = (method: string, token: string, body?: unknown) =>
      fetch(`${url}/${workspace.id}/vocabulary`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    const initial = (await (await call('GET', aisha.session.token)).json()) as VocabularyState
    expect(initial.custom).toBe(false)
    expect(initial.terms.map((term) => term.term)).toContain('kontrakt')

    const own = [{ term: 'brukare', suggestion: 'deltagare', kind: 'purchase', forms: [] }]
    expect((await call('PUT', aisha.session.token, { terms: own })).status).toBe(403)
    const invalid = await call('PUT', workspace.token, {
      terms: [{ term: 'x', suggestion: '', kind: 'köp' }],
    })
    expect(invalid.status).toBe(400)
    const saved = await call('PUT', workspace.token, { terms: own })
    expect(saved.status).toBe(200)
    expect(((await saved.json()) as VocabularyState).custom).toBe(true)
    expect(((await (await call('GET', aisha.session.token)).json()) as VocabularyState).terms).toEqual(own)

    // The export appendix uses the workspace's own list.
    const document = await workspace.createDocument('Överenskommelse', 'agreement')
    const markdown = await (
      await fetch(`${server.url}/api/documents/${document.id}/export?format=md&appendix=vocabulary`, {
        headers: { authorization: `Bearer ${workspace.token}` },
      })
    ).text()
    expect(markdown).toContain('Bilaga: språkguide')

    const reset = (await (await call('PUT', workspace.token, { terms: null })).json()) as VocabularyState
    expect(reset.custom).toBe(false)
    expect(reset.terms).toEqual(initial.terms)
    const audit = (await (
      await fetch(`${url}/${workspace.id}/audit`, { headers: { authorization: `Bearer ${workspace.token}` } })
    ).json()) as { events: Array<{ type: string }> }
    expect(audit.events.filter((event) => event.type === 'vocabulary-changed')).toHaveLength(2)
  })
})
