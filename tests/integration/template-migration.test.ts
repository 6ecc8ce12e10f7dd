import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage'
import { richTextFromPlain } from '../../shared/document/rich-text'
import { templates } from '../../shared/templates'
import type { TemplateMigrations } from '../../shared/templates/migrations'
import { Template } from '../../shared/templates/template'
import { readMeta } from '../../shared/ydoc/document-ydoc'
import { writeRichText } from '../../shared/ydoc/rich-text-ydoc'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { docFromStored } from '../helpers/docFromStored'
import { startTestServer } from '../helpers/test-server'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

const label = { sv: 'Etikett', en: 'Label' }
const base = { id: 'dwa-1', title: label, purpose: label, phase: 'inleda' } as const

/** Version 1: a plain-text note. */
const v1 = Template.parse({
  ...base,
  version: 1,
  sections: [{ id: 's', title: label, fields: [{ id: 'note', kind: 'text', label }] }],
})
/** Version 2: the note became rich text under a new id, and a date was added. */
const v2 = Template.parse({
  ...base,
  version: 2,
  sections: [
    {
      id: 's',
      title: label,
      fields: [
        { id: 'summary', kind: 'richtext', label },
        { id: 'decided', kind: 'date', label },
      ],
    },
  ],
})
const migrations: TemplateMigrations = {
  'dwa-1': [
    {
      from: 1,
      up: (doc) => {
        const note = doc.getText('f:note')
        writeRichText(doc.getXmlFragment('f:summary'), richTextFromPlain(note.toString()))
        note.delete(0, note.length)
      },
    },
  ],
}

describe('template migrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkstad-migrate-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('a template version bump with a migration upgrades an existing stored document on load', async () => {
    const file = join(dir, 'samverkstad.db')
    const before = await startTestServer({}, openSqliteStorage({ file }), {
      templates: { ...templates, 'dwa-1': v1 },
    })
    const workspace = await TestWorkspace.create(before.url)
    const document = await workspace.createDocument('Syfte', 'dwa-1')
    const writer = connectProvider(before.wsUrl, document.id, workspace.token)
    await waitSynced(writer)
    expect(readMeta(writer.doc)).toEqual({ template: 'dwa-1', templateVersion: 1 })
    writer.doc.getText('f:note').insert(0, 'Rad ett åäö\nRad två')
    await waitFor(
      () => before.registry.peek(document.id)?.doc.getText('f:note').length === 19,
      'the note to reach the server',
    )
    destroyProvider(writer)
    await before.close()

    const after = await startTestServer({}, openSqliteStorage({ file }), {
      templates: { ...templates, 'dwa-1': v2 },
      migrations,
    })
    try {
      const reader = connectProvider(after.wsUrl, document.id, workspace.token)
      await waitSynced(reader)
      await waitFor(() => readMeta(reader.doc)?.templateVersion === 2, 'the client to see version 2')
      expect(reader.doc.getXmlFragment('f:summary').toString()).toBe(
        '<paragraph>Rad ett åäö</paragraph><paragraph>Rad två</paragraph>',
      )
      expect(reader.doc.getText('f:note').toString()).toBe('')
      destroyProvider(reader)

      // The upgrade was stored, not only shown.
      await after.registry.flush()
      const stored = await after.storage.documents.load(document.id)
      const doc = docFromStored(stored)
      expect(readMeta(doc)).toEqual({ template: 'dwa-1', templateVersion: 2 })

      const exported = (await (
        await fetch(`${after.url}/api/documents/${document.id}/export?format=json`, {
          headers: { authorization: `Bearer ${workspace.token}` },
        })
      ).json()) as { template: unknown; value: { fields: Record<string, unknown> } }
      expect(exported.template).toEqual({ id: 'dwa-1', version: 2 })
      expect(exported.value.fields).toEqual({
        summary: [
          { type: 'paragraph', content: [{ text: 'Rad ett åäö' }] },
          { type: 'paragraph', content: [{ text: 'Rad två' }] },
        ],
        decided: null,
      })
    } finally {
      await after.close()
    }
  })
})
