import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentValue } from '../../../shared/document/field-value'
import { documentValueSchema, initialDocumentValue } from '../../../shared/document/field-value'
import { normalizeRichText } from '../../../shared/document/rich-text'
import { TemplateId } from '../../../shared/schema/template-id'
import { templates } from '../../../shared/templates'
import { fieldsOf, Template } from '../../../shared/templates/template'
import { readDocument, writeDocument } from '../../../shared/ydoc/document-ydoc'
import { arbitraryDocument } from '../../helpers/arbitrary-document'

/** What a value reads back as: rich text with neighbouring runs of the same marks merged. */
const normalized = (template: Template, value: DocumentValue): DocumentValue => ({
  ...value,
  fields: Object.fromEntries(
    fieldsOf(template).map((field) => {
      const v = value.fields[field.id]!
      return [field.id, field.kind === 'richtext' ? normalizeRichText(v as never) : v]
    }),
  ),
})

describe('templates', () => {
  it('there is a template for every template id, and each parses with unique field ids', () => {
    expect(Object.keys(templates).sort()).toEqual([...TemplateId.options].sort())
    for (const [id, template] of Object.entries(templates)) {
      expect(Template.parse(template).id).toBe(id)
      const ids = fieldsOf(template).map((field) => field.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(template.title.sv).not.toBe('')
      expect(template.title.en).not.toBe('')
    }
  })

  it("every template's initial document is a valid value of it", () => {
    for (const template of Object.values(templates)) {
      expect(() => documentValueSchema(template).parse(initialDocumentValue(template))).not.toThrow()
    }
  })

  it.each(Object.keys(templates))(
    '%s: a document round-trips value → Y.Doc → value → Y.Doc → value unchanged (seeded, random content)',
    (id) => {
      const template = templates[id as TemplateId]
      fc.assert(
        fc.property(arbitraryDocument(template), (value) => {
          const first = new Y.Doc()
          writeDocument(first, template, value)
          const read = readDocument(first, template)
          expect(read).toEqual(normalized(template, value))
          // Another replica, through the wire format.
          const replica = new Y.Doc()
          Y.applyUpdate(replica, Y.encodeStateAsUpdate(first))
          expect(readDocument(replica, template)).toEqual(read)
          // Written again into a document that already holds other content (as a restore does).
          writeDocument(replica, template, read)
          const second = new Y.Doc()
          writeDocument(second, template, initialDocumentValue(template))
          writeDocument(second, template, read)
          expect(readDocument(second, template)).toEqual(read)
          for (const doc of [first, replica, second]) doc.destroy()
        }),
        { seed: 20_261_122, numRuns: 25 },
      )
    },
  )

  it('a document nobody has written reads as the empty document', () => {
    for (const template of Object.values(templates)) {
      const value = readDocument(new Y.Doc(), template)
      expect(value.template).toBe(template.id)
      expect(() => documentValueSchema(template).parse(value)).not.toThrow()
    }
  })

  it('readers keep only what fits the template when a client wrote junk into its Y.Doc', () => {
    const template = templates.agreement
    const doc = new Y.Doc()
    writeDocument(doc, template, initialDocumentValue(template))
    doc.transact(() => {
      doc.getMap('fields').set('start-date', 'i morgon')
      doc.getMap('fields').set('end-date', 42)
      const row = new Y.Map<unknown>()
      row.set('order', 'först')
      row.set('kind', 'guld')
      row.set('quantity', -5)
      row.set('unitValue', Number.POSITIVE_INFINITY)
      row.set('party', 'inte-ett-id')
      doc.getMap('f:budget:rows').set('x', row)
      doc.getMap('f:budget:rows').set('not-a-map', 7)
      doc.getXmlFragment('f:background').insert(0, [new Y.XmlElement('blink')])
    })
    const value = readDocument(doc, template)
    expect(value.fields['start-date']).toBeNull()
    expect(value.fields['end-date']).toBeNull()
    expect(value.fields.budget).toEqual({
      hourlyValue: 300,
      rows: [{ id: 'x', party: null, kind: 'other', description: '', quantity: null, unitValue: null }],
    })
    expect(value.fields.background).toEqual([{ type: 'paragraph', content: [] }])
  })
})

describe('the Design for Wiser Action sheets', () => {
  const labels = (id: 'dwa-1' | 'dwa-2') => fieldsOf(templates[id]).map((field) => field.label.sv)

  it('dwa-1 has every prompt of sheet 1 as its own field, in the printed order', () => {
    expect(labels('dwa-1')).toEqual([
      'Den angelägna frågan/samhällsutmaningen i fokus är:',
      'Varför arbeta tillsammans? Vilket/vilka samverkansbehov är grunden till vårt partnerskap?',
      'Vart/i vilken riktning strävar vi i vårt samarbete?',
      'Vad vi vill göra – våra konkreta insatser, aktiviteter, metoder, verksamhet:',
      'Tidplan:',
      'Konkreta resultat:',
      'Immateriella resultat – t ex. tillit, gemenskap, relationer, personlig utveckling, livskvalitet:',
    ])
  })

  it('dwa-2 has every prompt of sheet 2 as its own field, in the printed order, then co-financing', () => {
    expect(labels('dwa-2')).toEqual([
      'Våra intressenter och allierade är:',
      'Så här kan dessa aktörer tas tillvara:',
      'Kärnteamet; Vi som ska utforma/samarbeta inom partnerskapet:',
      'Förankring av partnerskapet – med vem/vilka i våra organisationer? I vilka faser behöver förankring ske?',
      'Vår målgrupp/våra målgrupper är:',
      'Så här ska målgruppen/-er involveras:',
      'Vem gör vad? – Fördelning av ansvar, roller & resurser:',
      'Vår utmaning i partnerskapet – Vad som är svårt – Vi behöver hjälp med…',
      'Vårt nästa steg:',
      'Parternas resurser',
    ])
  })

  it('the agreement has every section Mora lists, and repayment', () => {
    expect(templates.agreement.sections.map((section) => section.title.sv)).toEqual([
      'Bakgrund',
      'Syfte med avtalet',
      'Parter',
      'Mål med verksamheten',
      'Värdegrund/förhållningssätt',
      'Målgrupp',
      'Insatser och åtaganden',
      'Gemensam plan för uppföljning och utvärdering',
      'Gemensam plan för lärande och utveckling',
      'Organisation, kontaktpersoner',
      'Dokumentation och redovisning',
      'Ekonomi, fakturaadress',
      'Avtalstid',
      'Omförhandling, uppsägning, hävning och tvist',
      'Återbetalning',
    ])
  })

  it('the initiative checklist holds the nine statements and the six general conditions', () => {
    const fields = fieldsOf(templates['initiative-checklist'])
    const statements = fields.find((field) => field.id === 'statements')
    const conditions = fields.find((field) => field.id === 'conditions')
    expect(statements?.kind === 'checklist' && statements.statements.length).toBe(9)
    expect(conditions?.kind === 'checklist' && conditions.statements.length).toBe(6)
  })
})
