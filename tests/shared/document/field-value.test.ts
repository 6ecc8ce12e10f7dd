import { describe, expect, it } from 'vitest'
import { documentValueSchema, initialDocumentValue } from '../../../shared/document/field-value'
import { templates } from '../../../shared/templates'

describe('a document value', () => {
  it('is checked against one schema per template, built once and reused for every read', () => {
    const dwa1 = documentValueSchema(templates['dwa-1'])
    expect(documentValueSchema(templates['dwa-1'])).toBe(dwa1)
    expect(documentValueSchema(templates.agreement)).not.toBe(dwa1)
    // The reused schema still rejects a value of another template.
    expect(dwa1.safeParse(initialDocumentValue(templates['dwa-1'])).success).toBe(true)
    expect(dwa1.safeParse(initialDocumentValue(templates.agreement)).success).toBe(false)
  })
})
