import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { templates } from '../../../shared/templates'
import type { FieldOf } from '../../../shared/templates/template'
import { fieldsOf } from '../../../shared/templates/template'
import { readDocument } from '../../../shared/ydoc/document-ydoc'
import { addListItem, itemText, moveItem } from '../../../shared/ydoc/field-actions'

const list = fieldsOf(templates['dwa-1']).find((field) => field.id === 'concrete-results') as FieldOf<'list'>

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
}

describe('co-editing actions', () => {
  it('two people adding list items at once both keep theirs, and moving an item keeps text typed into it concurrently', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    addListItem(a, list, 'x', 'Fler mötesplatser')
    addListItem(a, list, 'y', 'Läxhjälp')
    sync(a, b)
    addListItem(a, list, 'z', 'Från kommunen')
    addListItem(b, list, 'w', 'Från föreningen')
    // A moves "Läxhjälp" up while B types into it.
    moveItem(a, 'f:concrete-results', 'y', -1)
    itemText(b, 'f:concrete-results', 'y', 'text')!.insert(8, ' för alla')
    sync(a, b)
    const read = (doc: Y.Doc) => readDocument(doc, templates['dwa-1']).fields['concrete-results']
    expect(read(a)).toEqual(read(b))
    const items = read(a) as { id: string; text: string }[]
    expect(items[0]).toEqual({ id: 'y', text: 'Läxhjälp för alla' })
    expect(items.map((item) => item.id).sort()).toEqual(['w', 'x', 'y', 'z'])
  })
})
