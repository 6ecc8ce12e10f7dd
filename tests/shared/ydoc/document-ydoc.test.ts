import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialDocumentValue } from '../../../shared/document/field-value'
import { templates } from '../../../shared/templates'
import { type FieldOf, fieldsOf } from '../../../shared/templates/template'
import {
  checklistCommentName,
  fieldIdsChangedBy,
  writeDocument,
  writeMeta,
} from '../../../shared/ydoc/document-ydoc'
import {
  addBudgetRow,
  addListItem,
  itemText,
  setChecklistAnswer,
  setSimpleValue,
} from '../../../shared/ydoc/field-actions'

const agreement = templates.agreement

/** A replica with the template's content, and the field ids each update it receives changed. */
const replicaOf = (source: Y.Doc) => {
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(source))
  const seen: Array<ReadonlySet<string> | 'all'> = []
  replica.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.changed.size > 0) seen.push(fieldIdsChangedBy(transaction))
  })
  source.on('update', (update: Uint8Array) => Y.applyUpdate(replica, update))
  return seen
}

describe('fieldIdsChangedBy', () => {
  it('names the field of each kind a remote edit changed, however deep the change, and nothing else', () => {
    const doc = new Y.Doc()
    writeDocument(doc, agreement, initialDocumentValue(agreement))
    const seen = replicaOf(doc)
    const richText = fieldsOf(agreement).find((field) => field.kind === 'richtext')!
    const budget = fieldsOf(agreement).find((field) => field.kind === 'budget') as FieldOf<'budget'>

    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Trygghet')])
    doc.getXmlFragment(`f:${richText.id}`).insert(0, [paragraph])
    // Deep inside the paragraph, later.
    ;(paragraph.get(0) as Y.XmlText).insert(0, 'Mer ')
    setSimpleValue(doc, 'start-date', '2027-01-01')
    addBudgetRow(doc, budget, 'row-1', {
      party: null,
      kind: 'money',
      description: '',
      quantity: 1,
      unitValue: 100,
    })
    setSimpleValue(doc, 'end-date', '2027-12-31')
    expect(seen).toEqual([
      new Set([richText.id]),
      new Set([richText.id]),
      new Set(['start-date']),
      new Set([budget.id]),
      new Set(['end-date']),
    ])

    const worksheet = new Y.Doc()
    writeDocument(worksheet, templates['dwa-1'], initialDocumentValue(templates['dwa-1']))
    const seenInWorksheet = replicaOf(worksheet)
    const list = fieldsOf(templates['dwa-1']).find(
      (field) => field.id === 'concrete-results',
    ) as FieldOf<'list'>
    addListItem(worksheet, list, 'x', 'Fler mötesplatser')
    itemText(worksheet, `f:${list.id}`, 'x', 'text')!.insert(0, 'Ännu ')
    expect(seenInWorksheet).toEqual([new Set([list.id]), new Set([list.id])])
  })

  it("maps a checklist statement's comment to its checklist, and one transaction over two fields to both", () => {
    const template = templates['initiative-checklist']
    const checklist = fieldsOf(template).find((field) => field.kind === 'checklist') as FieldOf<'checklist'>
    const statement = checklist.statements[0]!
    const doc = new Y.Doc()
    writeDocument(doc, template, initialDocumentValue(template))
    const seen = replicaOf(doc)
    doc.getText(checklistCommentName(checklist, statement.id)).insert(0, 'Ja, i stadgarna')
    const other = fieldsOf(template).find((field) => field.id !== checklist.id && field.kind === 'richtext')!
    doc.transact(() => {
      setChecklistAnswer(doc, checklist, statement.id, 'yes')
      doc.getXmlFragment(`f:${other.id}`).insert(0, [new Y.XmlElement('paragraph')])
    })
    expect(seen).toEqual([new Set([checklist.id]), new Set([checklist.id, other.id])])
  })

  it("answers 'all' when the document's template version changes", () => {
    const doc = new Y.Doc()
    writeDocument(doc, agreement, initialDocumentValue(agreement))
    const seen = replicaOf(doc)
    writeMeta(doc, { template: agreement.id, templateVersion: agreement.version + 1 })
    expect(seen).toEqual(['all'])
  })
})
