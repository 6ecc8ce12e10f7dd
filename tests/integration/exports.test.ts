import { unzipSync } from 'fflate'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentValue } from '../../shared/document/field-value'
import { escapeHtml } from '../../shared/export/html'
import { formatTimestamp } from '../../shared/export/outline'
import type { TemplateId } from '../../shared/schema/template-id'
import { templates } from '../../shared/templates'
import { readDocument, writeDocument } from '../../shared/ydoc/document-ydoc'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { expectedTexts, filledDocument } from '../helpers/filled-document'
import { oneLine, xmlText } from '../helpers/office-text'
import { startTestServer, type TestServer } from '../helpers/test-server'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

const SCRIPT = '<script>alert("x")</script>'
describe('exports of the current state', () => {
  let server: TestServer
  let workspace: TestWorkspace
  const filled = new Map<TemplateId, { id: string; value: DocumentValue }>()

  beforeAll(async () => {
    server = await startTestServer()
    workspace = await TestWorkspace.create(server.url)
    const parties = workspace.created.parties.map((party) => party.id)
    for (const template of Object.values(templates)) {
      const document = await workspace.createDocument(`${template.title.sv} – export`, template.id)
      const value = filledDocument(template, parties)
      if (template.id === 'agreement') (value.fields['invoice-address'] as unknown) = `Box 1 ${SCRIPT}`
      // Written the way any client would write it: into its Y.Doc, synced to the server.
      const provider = connectProvider(server.wsUrl, document.id, workspace.token)
      await waitSynced(provider)
      writeDocument(provider.doc, template, value)
      await waitFor(
        () =>
          JSON.stringify(readDocument(server.registry.peek(document.id)!.doc, template)) ===
          JSON.stringify(value),
        `the server to hold the filled ${template.id}`,
      )
      destroyProvider(provider)
      filled.set(template.id, { id: document.id, value })
    }
  }, 60_000)
  afterAll(async () => {
    await server.close()
  })

  const download = async (id: string, format: string) => {
    const response = await fetch(`${server.url}/api/documents/${id}/export?format=${format}`, {
      headers: { authorization: `Bearer ${workspace.token}` },
    })
    expect(response.status, format).toBe(200)
    return response
  }

  const header = () => [
    'Mötesplats Järva',
    'Spånga-Tensta stadsdelsförvaltning',
    'Föreningen Gemenskap',
    // The export is dated in Swedish local time, as a registrar reads it: from 23:00 UTC (22:00 in summer)
    // that is already tomorrow's date.
    formatTimestamp(new Date().toISOString()).slice(0, 10),
  ]

  it.each(Object.keys(templates))('%s: Markdown holds every label and value and the header', async (id) => {
    const { id: documentId, value } = filled.get(id as TemplateId)!
    const response = await download(documentId, 'md')
    expect(response.headers.get('content-type')).toContain('text/markdown')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.md"/)
    const markdown = await response.text()
    for (const text of [...expectedTexts(templates[id as TemplateId], value), ...header()]) {
      expect(markdown, text).toContain(text.replace(/([\\`*_[\]<>|~])/g, '\\$1'))
    }
  })

  it.each(Object.keys(templates))('%s: HTML holds every label and value, escaped', async (id) => {
    const { id: documentId, value } = filled.get(id as TemplateId)!
    const html = await (await download(documentId, 'html')).text()
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/)
    for (const text of [...expectedTexts(templates[id as TemplateId], value), ...header()]) {
      expect(html, text).toContain(escapeHtml(text))
    }
  })

  it.each(Object.keys(templates))(
    '%s: DOCX is a valid zip whose word/document.xml has every text',
    async (id) => {
      const { id: documentId, value } = filled.get(id as TemplateId)!
      const bytes = new Uint8Array(await (await download(documentId, 'docx')).arrayBuffer())
      const files = unzipSync(bytes)
      expect(Object.keys(files)).toContain('word/document.xml')
      expect(Object.keys(files)).toContain('[Content_Types].xml')
      const text = xmlText(new TextDecoder().decode(files['word/document.xml']))
      for (const expected of [...expectedTexts(templates[id as TemplateId], value), ...header()]) {
        expect(text, expected).toContain(expected)
      }
    },
  )

  it.each(Object.keys(templates))(
    '%s: PDF text (extracted) has every text with å, ä, ö intact',
    async (id) => {
      const { id: documentId, value } = filled.get(id as TemplateId)!
      const bytes = new Uint8Array(await (await download(documentId, 'pdf')).arrayBuffer())
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-')
      const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true })
      const flat = oneLine(text)
      expect(flat).toContain('åäö ÅÄÖ')
      for (const expected of [...expectedTexts(templates[id as TemplateId], value), ...header()]) {
        expect(flat, expected).toContain(oneLine(expected))
      }
    },
    20_000,
  )

  it.each(Object.keys(templates))(
    '%s: JSON carries the typed value with its template id and version',
    async (id) => {
      const { id: documentId, value } = filled.get(id as TemplateId)!
      const body = (await (await download(documentId, 'json')).json()) as Record<string, unknown>
      expect(body).toMatchObject({
        format: 'samverkstad-document',
        template: { id, version: 1 },
        document: { id: documentId },
        workspace: { name: 'Mötesplats Järva' },
        value,
      })
    },
  )

  it('credits Design for Wiser Action on both DWA sheets’ exports, in every format that is read, and on nothing else', async () => {
    const credit = 'Design for Wiser Action (Möller m.fl. 2012)'
    for (const id of ['dwa-1', 'dwa-2'] as const) {
      const documentId = filled.get(id)!.id
      expect(await (await download(documentId, 'md')).text()).toContain(credit)
      const pdf = new Uint8Array(await (await download(documentId, 'pdf')).arrayBuffer())
      const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true })
      expect(oneLine(text)).toContain(credit)
      expect(await (await download(documentId, 'md&lang=en')).text()).toContain(
        'Design for Wiser Action (Möller et al. 2012)',
      )
    }
    expect(await (await download(filled.get('agreement')!.id, 'md')).text()).not.toContain('Wiser Action')
  })

  it('a <script> typed into a field is escaped in HTML and Markdown, and inert text in DOCX and PDF', async () => {
    const { id } = filled.get('agreement')!
    const html = await (await download(id, 'html')).text()
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    const markdown = await (await download(id, 'md')).text()
    expect(markdown).not.toMatch(/(^|[^\\])<script/m)
    expect(markdown).toContain('\\<script\\>')
  })

  it('exports a document nobody has opened yet as its template prefilled, and refuses unknown formats', async () => {
    const document = await workspace.createDocument('Underlag', 'partner-documents')
    const markdown = await (await download(document.id, 'md')).text()
    expect(markdown).toContain('Årsmötesprotokoll')
    expect(markdown).toContain('Uppgift om medlemsantal')
    const bad = await fetch(`${server.url}/api/documents/${document.id}/export?format=odt`, {
      headers: { authorization: `Bearer ${workspace.token}` },
    })
    expect(bad.status).toBe(400)
    const english = await (await download(document.id, 'md&lang=en')).text()
    expect(english).toContain('Partnership')
  })
})
