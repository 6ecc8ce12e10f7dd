import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentValueSchema, initialDocumentValue } from '../../../shared/document/field-value'
import { templates } from '../../../shared/templates'
import { readDocument, writeDocument } from '../../../shared/ydoc/document-ydoc'

describe('a document value', () => {
  it('reads the same with a schema built once and passed in as with the one built for the read, and a wrong schema refuses it', () => {
    const template = templates['dwa-1']
    const doc = new Y.Doc()
    writeDocument(doc, template, initialDocumentValue(template))
    const schema = documentValueSchema(template)
    expect(readDocument(doc, template, schema)).toEqual(readDocument(doc, template))
    expect(() => readDocument(doc, template, documentValueSchema(templates.agreement))).toThrow()
  })
})
