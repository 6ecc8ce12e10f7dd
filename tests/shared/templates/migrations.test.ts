import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { upgradeDocument } from '../../../shared/templates/migrations'
import { Template } from '../../../shared/templates/template'
import { readMeta, writeMeta } from '../../../shared/ydoc/document-ydoc'

const label = { sv: 'E', en: 'L' }
const templateAt = (version: number) =>
  Template.parse({
    id: 'follow-up',
    version,
    title: label,
    purpose: label,
    phase: 'folja-upp',
    sections: [{ id: 's', title: label, fields: [{ id: 'x', kind: 'text', label }] }],
  })

describe('upgradeDocument', () => {
  it('runs each step from the recorded version in order and records the new version', () => {
    const doc = new Y.Doc()
    writeMeta(doc, { template: 'follow-up', templateVersion: 1 })
    const ran: number[] = []
    const result = upgradeDocument(doc, templateAt(3), {
      'follow-up': [
        { from: 2, up: () => ran.push(2) },
        { from: 1, up: () => ran.push(1) },
      ],
    })
    expect(result).toEqual({ kind: 'upgraded', from: 1, to: 3 })
    expect(ran).toEqual([1, 2])
    expect(readMeta(doc)?.templateVersion).toBe(3)
  })

  it('refuses, changing nothing, when a step is missing, the version is newer, or the template differs', () => {
    const doc = new Y.Doc()
    writeMeta(doc, { template: 'follow-up', templateVersion: 1 })
    const ran: number[] = []
    expect(
      upgradeDocument(doc, templateAt(3), { 'follow-up': [{ from: 1, up: () => ran.push(1) }] }).kind,
    ).toBe('refused')
    expect(ran).toEqual([])
    expect(readMeta(doc)?.templateVersion).toBe(1)
    writeMeta(doc, { template: 'follow-up', templateVersion: 5 })
    expect(upgradeDocument(doc, templateAt(3), {})).toMatchObject({ kind: 'refused' })
    writeMeta(doc, { template: 'evaluation', templateVersion: 1 })
    expect(upgradeDocument(doc, templateAt(1), {})).toMatchObject({ kind: 'refused' })
  })

  it('marks a document with no recorded version as current', () => {
    const doc = new Y.Doc()
    expect(upgradeDocument(doc, templateAt(2), {})).toEqual({ kind: 'initialised' })
    expect(readMeta(doc)).toEqual({ template: 'follow-up', templateVersion: 2 })
  })
})
