import type * as Y from 'yjs'
import { readMeta, writeMeta } from '../ydoc/document-ydoc'
import type { Template } from './template'

/**
 * One step of a template's history: turns a document of version `from` into version `from + 1` by editing
 * the Y.Doc (inside the caller's transaction), e.g. moving a field's content to a new field id.
 */
export interface TemplateMigration {
  readonly from: number
  readonly up: (doc: Y.Doc) => void
}

/** Migrations by template id, oldest first. Append; never edit a released step. */
export type TemplateMigrations = Readonly<Record<string, readonly TemplateMigration[]>>

/** Every template is at version 1 so far: nothing to migrate yet. */
export const templateMigrations: TemplateMigrations = {}

export type UpgradeResult =
  | { readonly kind: 'current' }
  | { readonly kind: 'initialised' }
  | { readonly kind: 'upgraded'; readonly from: number; readonly to: number }
  | { readonly kind: 'refused'; readonly reason: string }

/**
 * Brings a document up to its template's version: runs every migration step from its recorded version, in
 * order, then records the new version. A document with no recorded version is marked current (call
 * `writeDocument` first to give it the template's initial content). Run it inside one transaction.
 */
export const upgradeDocument = (
  doc: Y.Doc,
  template: Template,
  migrations: TemplateMigrations,
): UpgradeResult => {
  const meta = readMeta(doc)
  if (meta === null) {
    writeMeta(doc, { template: template.id, templateVersion: template.version })
    return { kind: 'initialised' }
  }
  if (meta.template !== template.id) {
    return { kind: 'refused', reason: `the document follows template ${meta.template}, not ${template.id}` }
  }
  if (meta.templateVersion === template.version) return { kind: 'current' }
  if (meta.templateVersion > template.version) {
    return {
      kind: 'refused',
      reason: `version ${meta.templateVersion} is newer than this server's ${template.version}`,
    }
  }
  const available = migrations[template.id] ?? []
  const steps: TemplateMigration[] = []
  for (let version = meta.templateVersion; version < template.version; version++) {
    const step = available.find((candidate) => candidate.from === version)
    // Every step must exist before any runs: a half-upgraded document would match no version.
    if (step === undefined)
      return { kind: 'refused', reason: `no migration of ${template.id} from version ${version}` }
    steps.push(step)
  }
  for (const step of steps) step.up(doc)
  writeMeta(doc, { template: template.id, templateVersion: template.version })
  return { kind: 'upgraded', from: meta.templateVersion, to: template.version }
}
