import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage'
import { canonicalJson } from '../../shared/document/canonical-json'
import { FilingManifest } from '../../shared/schema/filing-manifest'
import type { VersionSummary, VersionView } from '../../shared/schema/version'
import { templates } from '../../shared/templates'
import { writeDocument } from '../../shared/ydoc/document-ydoc'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { filledDocument } from '../helpers/filled-document'
import { docxText, pdfText } from '../helpers/office-text'
import { startTestServer } from '../helpers/test-server'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

describe('saved versions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkstad-versions-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('saves numbered versions of the current state, lists and fetches them, and reports tampering as an integrity error', async () => {
    const file = join(dir, 'samverkstad.db')
    const server = await startTestServer({}, openSqliteStorage({ file }))
    try {
      const workspace = await TestWorkspace.create(server.url)
      const aisha = await workspace.join('participant', 'Aisha Förening', 1)
      const screen = await workspace.join('viewer', 'Skärmen', 0)
      const document = await workspace.createDocument('Överenskommelse', 'agreement')
      const headers = (token: string) => ({
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      })
      const save = (label: string, token = workspace.token) =>
        fetch(`${server.url}/api/documents/${document.id}/versions`, {
          method: 'POST',
          headers: headers(token),
          body: JSON.stringify({ label }),
        })

      const provider = connectProvider(server.wsUrl, document.id, workspace.token)
      await waitSynced(provider)
      const value = filledDocument(
        templates.agreement,
        workspace.created.parties.map((party) => party.id),
      )
      writeDocument(provider.doc, templates.agreement, value)
      await waitFor(
        () => (server.registry.peek(document.id)?.doc.getText('f:invoice-address').length ?? 0) > 0,
        'content on the server',
      )

      const first = await save('Första utkast')
      expect(first.status).toBe(201)
      const one = (await first.json()) as VersionSummary
      expect(one).toMatchObject({
        number: 1,
        label: 'Första utkast',
        createdBy: { name: 'Karin Kommun', partyName: 'Spånga-Tensta stadsdelsförvaltning' },
      })
      expect(one.sha256).toBe(createHash('sha256').update(canonicalJson(value)).digest('hex'))

      // 20 saves at once from two members: numbers 2…21 without gaps.
      const concurrent = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          save(`Samtidig ${i}`, i % 2 ? aisha.session.token : workspace.token),
        ),
      )
      const numbers = (
        await Promise.all(concurrent.map((response) => response.json() as Promise<VersionSummary>))
      ).map((v) => v.number)
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2))
      expect((await save('Från skärmen', screen.session.token)).status).toBe(403)

      const list = (await (
        await fetch(`${server.url}/api/documents/${document.id}/versions`, {
          headers: headers(screen.session.token),
        })
      ).json()) as { versions: VersionSummary[] }
      expect(list.versions.map((v) => v.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1))

      const fetched = (await (
        await fetch(`${server.url}/api/documents/${document.id}/versions/1`, {
          headers: headers(workspace.token),
        })
      ).json()) as { version: VersionSummary; value: unknown }
      expect(fetched, JSON.stringify(fetched).slice(0, 300)).toHaveProperty('value')
      expect(fetched.value).toEqual(value)
      const markdown = await (
        await fetch(`${server.url}/api/documents/${document.id}/versions/1?format=md`, {
          headers: headers(workspace.token),
        })
      ).text()
      expect(markdown).toContain('1 – Första utkast')
      expect(markdown).toContain(one.sha256)

      // Later edits do not touch the saved version.
      provider.doc.getText('f:invoice-address').insert(0, 'ÄNDRAT ')
      await waitFor(
        () =>
          server.registry
            .peek(document.id)
            ?.doc.getText('f:invoice-address')
            .toString()
            .startsWith('ÄNDRAT') === true,
        'the edit',
      )
      const again = (await (
        await fetch(`${server.url}/api/documents/${document.id}/versions/1`, {
          headers: headers(workspace.token),
        })
      ).json()) as { value: unknown }
      expect(again.value).toEqual(value)
      destroyProvider(provider)

      // Diffs: a version with itself is empty; against the live document, exactly the edited field and words.
      const diff = async (query: string) =>
        (await (
          await fetch(`${server.url}/api/documents/${document.id}/diff?${query}`, {
            headers: headers(workspace.token),
          })
        ).json()) as {
          fields: Array<{ fieldId: string; text?: Array<{ type: string; text: string }> }>
        }
      expect((await diff('from=1&to=1')).fields).toEqual([])
      expect((await diff('from=1&to=2')).fields).toEqual([])
      const live = await diff('from=1')
      expect(live.fields.map((field) => field.fieldId)).toEqual(['invoice-address'])
      expect(live.fields[0]!.text!.filter((part) => part.type === 'added').map((part) => part.text)).toEqual([
        'ÄNDRAT ',
      ])

      // Approvals: for one's own party only, once each; all parties → agreed by all.
      const approve = (number: number, token: string, body: object = {}) =>
        fetch(`${server.url}/api/documents/${document.id}/versions/${number}/approvals`, {
          method: 'POST',
          headers: headers(token),
          body: JSON.stringify(body),
        })
      const [kommun, forening] = workspace.created.parties
      expect((await approve(2, aisha.session.token, { partyId: kommun!.id })).status).toBe(403)
      expect((await approve(2, screen.session.token)).status).toBe(403)
      const byKommun = await approve(2, workspace.token)
      expect(byKommun.status).toBe(201)
      expect(((await byKommun.json()) as { agreedByAllParties: boolean }).agreedByAllParties).toBe(false)
      expect((await approve(2, workspace.token)).status).toBe(409)
      // Aisha is not (yet) her party's decision-maker: she cannot take its position, and is told why.
      const notYet = await approve(2, aisha.session.token, { partyId: forening!.id })
      expect(notYet.status).toBe(403)
      expect(((await notYet.json()) as { error: { message: string } }).error.message).toContain(
        "only Föreningen Gemenskap's decision-makers (beslutsfattare) take its position",
      )
      // She can recommend that her party approve it, once; the version then says who recommends it.
      const recommend = () =>
        fetch(`${server.url}/api/documents/${document.id}/versions/2/recommendations`, {
          method: 'POST',
          headers: headers(aisha.session.token),
        })
      const recommended = await recommend()
      expect(recommended.status).toBe(201)
      expect(((await recommended.json()) as VersionView).recommendations).toMatchObject([
        { name: 'Aisha Förening', partyName: 'Föreningen Gemenskap' },
      ])
      expect((await recommend()).status).toBe(409)
      // Nobody marks another party's decision-maker; her own party (here: she) does.
      const byOther = await fetch(
        `${server.url}/api/workspaces/${workspace.id}/members/${aisha.member.id}/decision-maker`,
        { method: 'PUT', headers: headers(workspace.token), body: JSON.stringify({ decisionMaker: true }) },
      )
      expect(byOther.status).toBe(403)
      await workspace.markDecisionMaker(aisha)
      const second = await approve(2, aisha.session.token, { partyId: forening!.id })
      const agreed = (await second.json()) as {
        agreedByAllParties: boolean
        approvals: Array<{ partyName: string; name: string }>
      }
      expect(agreed.agreedByAllParties).toBe(true)
      expect(agreed.approvals.map((a) => [a.partyName, a.name])).toEqual([
        ['Spånga-Tensta stadsdelsförvaltning', 'Karin Kommun'],
        ['Föreningen Gemenskap', 'Aisha Förening'],
      ])
      const listed = (await (
        await fetch(`${server.url}/api/documents/${document.id}/versions`, {
          headers: headers(workspace.token),
        })
      ).json()) as {
        versions: Array<{ number: number; agreedByAllParties: boolean }>
      }
      expect(listed.versions.filter((v) => v.agreedByAllParties).map((v) => v.number)).toEqual([2])
      const approvedExport = await (
        await fetch(`${server.url}/api/documents/${document.id}/versions/2?format=md`, {
          headers: headers(workspace.token),
        })
      ).text()
      expect(approvedExport).toContain('Föreningen Gemenskap: Aisha Förening')

      // Someone edits the stored bytes behind the server's back.
      const raw = new Database(file)
      raw
        .prepare(
          "UPDATE document_version SET value = replace(value, 'Svar om', 'Förfalskat') WHERE document_id = ? AND number = 1",
        )
        .run(document.id)
      raw.close()
      const tampered = await fetch(`${server.url}/api/documents/${document.id}/versions/1`, {
        headers: headers(workspace.token),
      })
      expect(tampered.status).toBe(500)
      expect(((await tampered.json()) as { error: { code: string } }).error.code).toBe('integrity-error')
      // The list says so too, for that version alone.
      const relisted = (await (
        await fetch(`${server.url}/api/documents/${document.id}/versions`, {
          headers: headers(workspace.token),
        })
      ).json()) as { versions: { number: number; intact: boolean }[] }
      expect(relisted.versions.map(({ number, intact }) => ({ number, intact }))).toEqual(
        relisted.versions.map(({ number }) => ({ number, intact: number !== 1 })),
      )
      expect(
        (
          await fetch(`${server.url}/api/documents/${document.id}/versions/1?format=pdf`, {
            headers: headers(workspace.token),
          })
        ).status,
      ).toBe(500)
      expect(
        (
          await fetch(`${server.url}/api/documents/${document.id}/versions/2`, {
            headers: headers(workspace.token),
          })
        ).status,
      ).toBe(200)
    } finally {
      await server.close()
    }
  })

  it('files a version as a zip whose manifest names the partnership and version and hashes every file, with the version and approvals in the PDF and DOCX', async () => {
    const server = await startTestServer()
    try {
      const workspace = await TestWorkspace.create(server.url)
      const aisha = await workspace.join('participant', 'Aisha Förening', 1)
      const document = await workspace.createDocument('Överenskommelse om läxhjälp', 'agreement')
      const provider = connectProvider(server.wsUrl, document.id, workspace.token)
      await waitSynced(provider)
      const value = filledDocument(
        templates.agreement,
        workspace.created.parties.map((party) => party.id),
      )
      writeDocument(provider.doc, templates.agreement, value)
      await waitFor(
        () => (server.registry.peek(document.id)?.doc.getText('f:invoice-address').length ?? 0) > 0,
        'content on the server',
      )
      destroyProvider(provider)
      const post = (path: string, token: string, body: object) =>
        fetch(`${server.url}/api/documents/${document.id}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      expect((await post('/versions', workspace.token, { label: 'Utkast' })).status).toBe(201)
      expect((await post('/versions', workspace.token, { label: 'Att underteckna' })).status).toBe(201)
      expect((await post('/versions/2/approvals', workspace.token, {})).status).toBe(201)
      await workspace.markDecisionMaker(aisha)
      expect((await post('/versions/2/approvals', aisha.session.token, {})).status).toBe(201)

      const response = await fetch(`${server.url}/api/documents/${document.id}/versions/2/bundle`, {
        headers: { authorization: `Bearer ${aisha.session.token}` },
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/zip')
      expect(response.headers.get('content-disposition')).toMatch(/-v2-diarieforing\.zip/)
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
      const manifest = FilingManifest.parse(JSON.parse(new TextDecoder().decode(files['manifest.json'])))
      expect(manifest).toMatchObject({
        workspace: { id: workspace.id, name: workspace.created.workspace.name },
        document: { id: document.id, title: 'Överenskommelse om läxhjälp' },
        template: { id: 'agreement', version: templates.agreement.version },
        version: { number: 2, label: 'Att underteckna', createdBy: { name: 'Karin Kommun' } },
        agreedByAllParties: true,
      })
      expect(manifest.parties.map((party) => party.name)).toEqual(
        workspace.created.parties.map((party) => party.name),
      )
      expect(manifest.version.valueSha256).toBe(
        createHash('sha256').update(canonicalJson(value)).digest('hex'),
      )
      expect(manifest.approvals.map((approval) => approval.name)).toEqual(['Karin Kommun', 'Aisha Förening'])
      expect(manifest.files.map((file) => file.name.split('.').at(-1))).toEqual(['pdf', 'docx', 'json'])
      expect(Object.keys(files).sort()).toEqual(
        [...manifest.files.map((file) => file.name), 'manifest.json'].sort(),
      )
      for (const file of manifest.files) {
        const bytes = files[file.name]!
        expect(bytes.byteLength, file.name).toBe(file.bytes)
        expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256)
      }
      const fileOf = (extension: string) =>
        files[manifest.files.find((file) => file.name.endsWith(extension))!.name]!
      for (const text of [await pdfText(fileOf('.pdf')), docxText(fileOf('.docx'))]) {
        expect(text).toContain('2 – Att underteckna')
        expect(text).toContain('Spånga-Tensta stadsdelsförvaltning: Karin Kommun')
        expect(text).toContain('Föreningen Gemenskap: Aisha Förening')
        expect(text).toContain(manifest.version.valueSha256)
      }
      const json = JSON.parse(new TextDecoder().decode(fileOf('.json'))) as {
        value: unknown
        version: { number: number }
      }
      expect(json.value).toEqual(value)
      expect(json.version.number).toBe(2)

      // A version that does not exist has no bundle.
      const missing = await fetch(`${server.url}/api/documents/${document.id}/versions/9/bundle`, {
        headers: { authorization: `Bearer ${workspace.token}` },
      })
      expect(missing.status).toBe(404)
    } finally {
      await server.close()
    }
  })
})
