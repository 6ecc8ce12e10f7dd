import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { FilingManifest } from '../../shared/schema/filing-manifest'
import type { VersionSummary } from '../../shared/schema/version'
import { templates } from '../../shared/templates'
import { writeDocument } from '../../shared/ydoc/document-ydoc'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { filledDocument } from '../helpers/filled-document'
import { docxText, xmlText } from '../helpers/office-text'
import { startTestServer } from '../helpers/test-server'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

const hasPoppler = (() => {
  try {
    execFileSync('pdffonts', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
if (process.env.REQUIRE_E2E === '1' && !hasPoppler) {
  throw new Error('REQUIRE_E2E=1 but pdfinfo/pdffonts are missing: apt-get install -y poppler-utils')
}
const poppler = hasPoppler ? describe : describe.skip
if (!hasPoppler) {
  describe('records', () =>
    it.skip(
      'skipped: checking PDF/A needs pdfinfo and pdffonts (apt-get install -y poppler-utils; CI installs them)',
    ))
}

describe('diarienummer', () => {
  it('each party records its own reference for the partnership and a document; exports and the filing bundle carry them, "—" where none is given', async () => {
    const server = await startTestServer()
    try {
      const workspace = await TestWorkspace.create(server.url)
      const aisha = await workspace.join('participant', 'Aisha Förening', 1)
      const viewer = await workspace.join('viewer', 'Storskärm', 0)
      const document = await workspace.createDocument('Överenskommelse', 'agreement')
      const [kommun, forening] = workspace.created.parties
      const put = (token: string, body: unknown) =>
        fetch(`${server.url}/api/workspaces/${workspace.id}/references`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      const markdown = async () =>
        (
          await (
            await fetch(`${server.url}/api/documents/${document.id}/export?format=md`, {
              headers: { authorization: `Bearer ${workspace.token}` },
            })
          ).text()
        ).split('\n')
      const referenceLine = async () => (await markdown()).find((line) => line.includes('Diarienummer'))

      expect(await referenceLine()).toContain(`${kommun!.name}: —; ${forening!.name}: —`)
      // The municipality's dnr for the whole partnership, then its own for this document.
      expect(
        (await put(workspace.token, { documentId: null, partyId: kommun!.id, reference: 'SDN 2027/118' }))
          .status,
      ).toBe(200)
      expect(await referenceLine()).toContain(`${kommun!.name}: SDN 2027/118; ${forening!.name}: —`)
      const saved = await put(workspace.token, {
        documentId: document.id,
        partyId: kommun!.id,
        reference: ' SDN 2027/119 ',
      })
      expect(saved.status).toBe(200)
      expect(await saved.json()).toMatchObject({
        references: expect.arrayContaining([
          { documentId: document.id, partyId: kommun!.id, reference: 'SDN 2027/119' },
        ]),
      })
      expect(
        (
          await put(aisha.session.token, {
            documentId: document.id,
            partyId: forening!.id,
            reference: 'FG-12',
          })
        ).status,
      ).toBe(200)
      expect(await referenceLine()).toContain(`${kommun!.name}: SDN 2027/119; ${forening!.name}: FG-12`)

      // Nobody records another party's reference; a screen records nothing; bad input is refused precisely.
      const other = await put(aisha.session.token, { documentId: null, partyId: kommun!.id, reference: 'X' })
      expect(other.status).toBe(403)
      expect(((await other.json()) as { error: { message: string } }).error.message).toContain(
        'its own diarienummer',
      )
      expect(
        (await put(viewer.session.token, { documentId: null, partyId: kommun!.id, reference: 'X' })).status,
      ).toBe(403)
      expect(
        (await put(workspace.token, { documentId: null, partyId: kommun!.id, reference: 'x'.repeat(61) }))
          .status,
      ).toBe(400)
      expect(
        (await put(workspace.token, { documentId: 'f'.repeat(32), partyId: kommun!.id, reference: 'X' }))
          .status,
      ).toBe(404)

      // The filing bundle's manifest carries both parties' references.
      await fetch(`${server.url}/api/documents/${document.id}/versions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ label: 'Att diarieföra' }),
      })
      const zip = new Uint8Array(
        await (
          await fetch(`${server.url}/api/documents/${document.id}/versions/1/bundle`, {
            headers: { authorization: `Bearer ${workspace.token}` },
          })
        ).arrayBuffer(),
      )
      const manifest = FilingManifest.parse(
        JSON.parse(new TextDecoder().decode(unzipSync(zip)['manifest.json'])),
      )
      expect(manifest.references).toEqual([
        { partyId: kommun!.id, party: kommun!.name, document: 'SDN 2027/119', workspace: 'SDN 2027/118' },
        { partyId: forening!.id, party: forening!.name, document: 'FG-12', workspace: null },
      ])
      // Removing one goes back to the partnership's reference.
      expect(
        (await put(workspace.token, { documentId: document.id, partyId: kommun!.id, reference: '' })).status,
      ).toBe(200)
      expect(await referenceLine()).toContain(`${kommun!.name}: SDN 2027/118`)
    } finally {
      await server.close()
    }
  })
})

describe('decisions on a version', () => {
  it('a decision-maker records the party’s formal decision (body, date, paragraph); others are refused; the version’s exports and the bundle print it', async () => {
    const server = await startTestServer()
    try {
      const workspace = await TestWorkspace.create(server.url)
      const aisha = await workspace.join('participant', 'Aisha Förening', 1)
      const document = await workspace.createDocument('Överenskommelse', 'agreement')
      const [kommun, forening] = workspace.created.parties
      const post = (path: string, token: string, body: unknown) =>
        fetch(`${server.url}/api/documents/${document.id}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      expect((await post('/versions', workspace.token, { label: 'Att besluta' })).status).toBe(201)
      const decision = {
        partyId: kommun!.id,
        body: 'Stadsdelsnämnden',
        date: '2027-03-14',
        paragraph: '§ 12',
      }
      // Not a decision-maker (yet): refused, and told why; nor for another party; nor without a body.
      const notYet = await post('/versions/1/decisions', aisha.session.token, {
        ...decision,
        partyId: forening!.id,
      })
      expect(notYet.status).toBe(403)
      expect(((await notYet.json()) as { error: { message: string } }).error.message).toContain(
        'decision-makers',
      )
      expect(
        (await post('/versions/1/decisions', workspace.token, { ...decision, partyId: forening!.id })).status,
      ).toBe(403)
      expect((await post('/versions/1/decisions', workspace.token, { ...decision, body: ' ' })).status).toBe(
        400,
      )
      expect(
        (await post('/versions/1/decisions', workspace.token, { ...decision, date: '2027-02-30' })).status,
      ).toBe(400)
      const recorded = await post('/versions/1/decisions', workspace.token, decision)
      expect(recorded.status).toBe(201)
      expect(await recorded.json()).toMatchObject({
        decisions: [
          {
            partyName: kommun!.name,
            body: 'Stadsdelsnämnden',
            date: '2027-03-14',
            paragraph: '§ 12',
            recordedBy: 'Karin Kommun',
          },
        ],
      })
      expect((await post('/versions/1/decisions', workspace.token, decision)).status).toBe(409)
      await workspace.markDecisionMaker(aisha)
      expect(
        (
          await post('/versions/1/decisions', aisha.session.token, {
            partyId: forening!.id,
            body: 'Föreningens styrelse',
            date: '2027-03-20',
            paragraph: '§ 4',
          })
        ).status,
      ).toBe(201)

      const markdown = await (
        await fetch(`${server.url}/api/documents/${document.id}/versions/1?format=md`, {
          headers: { authorization: `Bearer ${workspace.token}` },
        })
      ).text()
      expect(markdown).toContain(
        `${kommun!.name}: Stadsdelsnämnden 2027-03-14 § 12; ${forening!.name}: Föreningens styrelse 2027-03-20 § 4`,
      )
      const zip = new Uint8Array(
        await (
          await fetch(`${server.url}/api/documents/${document.id}/versions/1/bundle`, {
            headers: { authorization: `Bearer ${workspace.token}` },
          })
        ).arrayBuffer(),
      )
      const manifest = FilingManifest.parse(
        JSON.parse(new TextDecoder().decode(unzipSync(zip)['manifest.json'])),
      )
      expect(manifest.decisions).toEqual([
        {
          party: kommun!.name,
          body: 'Stadsdelsnämnden',
          date: '2027-03-14',
          paragraph: '§ 12',
          recordedBy: 'Karin Kommun',
        },
        {
          party: forening!.name,
          body: 'Föreningens styrelse',
          date: '2027-03-20',
          paragraph: '§ 4',
          recordedBy: 'Aisha Förening',
        },
      ])
    } finally {
      await server.close()
    }
  })
})

poppler('exports as records a registrar files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkstad-records-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('a saved agreement’s PDF is PDF/A-2b with every font embedded, the partnership, document, version and hash on every page, “Sida n av m”, and a signature block per party; its DOCX has the same header, footer and signatures', async () => {
    const server = await startTestServer()
    try {
      const workspace = await TestWorkspace.create(server.url)
      const document = await workspace.createDocument('Överenskommelse om mötesplatser', 'agreement')
      const provider = connectProvider(server.wsUrl, document.id, workspace.token)
      await waitSynced(provider)
      const [kommun, forening] = workspace.created.parties
      const value = filledDocument(
        templates.agreement,
        workspace.created.parties.map((party) => party.id),
      )
      writeDocument(provider.doc, templates.agreement, {
        ...value,
        fields: {
          ...value.fields,
          parties: [
            {
              id: 'p1',
              cells: { name: kommun!.name, 'org-number': '212000-0142', representative: 'Karin Kommun' },
            },
            {
              id: 'p2',
              cells: { name: forening!.name, 'org-number': '802000-0000', representative: 'Aisha Förening' },
            },
          ],
        },
      })
      await waitFor(
        () => (server.registry.peek(document.id)?.doc.getText('f:invoice-address').length ?? 0) > 0,
        'content on the server',
      )
      destroyProvider(provider)
      const headers = { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' }
      const saved = await fetch(`${server.url}/api/documents/${document.id}/versions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ label: 'Att underteckna' }),
      })
      const version = (await saved.json()) as VersionSummary
      const download = async (format: 'pdf' | 'docx') =>
        new Uint8Array(
          await (
            await fetch(`${server.url}/api/documents/${document.id}/versions/1?format=${format}`, { headers })
          ).arrayBuffer(),
        )

      const file = join(dir, 'agreement.pdf')
      writeFileSync(file, await download('pdf'))
      const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' })
      // PDF/A-2b: the identification in the XMP metadata, the sRGB output intent, and only embedded fonts.
      const meta = run('pdfinfo', ['-meta', file])
      expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/)
      expect(meta).toContain('Överenskommelse om mötesplatser')
      expect(meta).toContain(`${kommun!.name}; ${forening!.name}`)
      const info = run('pdfinfo', [file])
      expect(info).toMatch(/Tagged:\s+yes/)
      expect(info).toMatch(/PDF version:\s+1\.7/)
      expect(new TextDecoder('latin1').decode(await download('pdf'))).toMatch(/\/S \/GTS_PDFA1/)
      const fonts = run('pdffonts', [file]).trim().split('\n').slice(2)
      expect(fonts.length).toBeGreaterThan(0)
      for (const font of fonts) expect(font.split(/\s+/).at(-5), font).toBe('yes')

      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
      expect(pages).toBeGreaterThan(1)
      const running = `Mötesplats Järva · Överenskommelse om mötesplatser · Version 1 · ${version.sha256.slice(0, 12)}`
      for (let page = 1; page <= pages; page++) {
        const text = run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'])
        expect(text, `page ${page}`).toContain(running)
        expect(text, `page ${page}`).toContain(`Sida ${page} av ${pages}`)
      }
      const all = run('pdftotext', [file, '-'])
      expect(all).toContain('Underskrifter')
      for (const name of ['Karin Kommun', 'Aisha Förening'])
        expect(all).toContain(`Namnförtydligande: ${name}`)
      expect(all.match(/Ort och datum: _+/g)).toHaveLength(2)

      const docx = await download('docx')
      const parts = unzipSync(docx)
      const headerXml = Object.entries(parts).find(([name]) => /^word\/header\d*\.xml$/.test(name))?.[1]
      const footerXml = Object.entries(parts).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1]
      expect(xmlText(new TextDecoder().decode(headerXml))).toContain(running)
      const footer = new TextDecoder().decode(footerXml)
      expect(footer).toMatch(/PAGE/)
      expect(footer).toMatch(/NUMPAGES/)
      expect(xmlText(footer)).toContain('Sida')
      expect(docxText(docx)).toContain('Namnförtydligande: Karin Kommun')
    } finally {
      await server.close()
    }
  })
})
