import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
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
