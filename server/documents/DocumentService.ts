import * as Y from 'yjs'
import { defaultVocabulary, type VocabularyTerm } from '../../shared/agreement/vocabulary'
import { type DocumentValue, initialDocumentValue } from '../../shared/document/field-value'
import type { ExportContext, ExportVersion } from '../../shared/export/export-context'
import type { ExportFormat } from '../../shared/export/export-format'
import { renderHtml } from '../../shared/export/html'
import { renderMarkdown } from '../../shared/export/markdown'
import { toOutline } from '../../shared/export/outline'
import type { DocumentRecord } from '../../shared/schema/document-record'
import { referenceFor } from '../../shared/schema/record-reference'
import type { TemplateRegistry } from '../../shared/templates'
import { type TemplateMigrations, upgradeDocument } from '../../shared/templates/migrations'
import type { Template } from '../../shared/templates/template'
import { readDocument, readMeta, writeDocument } from '../../shared/ydoc/document-ydoc'
import { swedishLexicon } from '../agreement/swedishLexicon'
import type { ClientOwnership } from '../attribution/ClientOwnership'
import { ApiError } from '../errors/ApiError'
import { renderDocx } from '../export/renderDocx'
import { renderPdf } from '../export/renderPdf'
import type { ClientOwner, DocumentStore, WorkspaceStore } from '../storage/port'
import type { LiveDocuments } from './LiveDocuments'

export interface ExportFile {
  readonly body: Uint8Array | string
  readonly contentType: string
  readonly filename: string
}

/** Adds what a kind of document keeps beside its fields (a café's rounds, notes and harvest) to its value. */
export type ValueEnricher = (document: DocumentRecord, value: DocumentValue) => Promise<DocumentValue>

export interface DocumentServiceOptions {
  readonly workspaces: WorkspaceStore
  readonly documents: DocumentStore
  readonly live: LiveDocuments
  /** Records the client id initial content is written under as the server's. */
  readonly ownership: Pick<ClientOwnership, 'claimForServer'>
  readonly templates: TemplateRegistry
  readonly migrations: TemplateMigrations
  /** Run on every document's value, so versions, diffs and exports include what it adds. */
  readonly enrich?: ValueEnricher
  readonly now?: () => Date
}

const contentTypes: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
}

/** A file name a registrar's system accepts: the title in ASCII letters, digits and dashes, and the date. */
const fileName = (title: string, date: string, extension: string): string => {
  const ascii = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return `${ascii || 'dokument'}-${date}.${extension}`
}

/**
 * Document content: what a document holds now (from its loaded room, or from storage, upgraded in memory),
 * its initial content, changes made on the server's behalf, and exports. Preparing a document when its room
 * loads is `prepareDocument`'s.
 */
export class DocumentService {
  constructor(private readonly options: DocumentServiceOptions) {}

  templateOf(document: Pick<DocumentRecord, 'template'>): Template {
    const template = this.options.templates[document.template]
    if (template === undefined)
      throw new ApiError('internal-error', `template ${document.template} is not installed`)
    return template
  }

  /**
   * Stores a new document's initial content (its template's prefilled rows and texts) before anyone opens
   * it, so that two server instances opening it at once cannot both initialise it. The one write of document
   * content that bypasses a room's persist queue: no room exists yet, and none can until this resolves.
   */
  async initialise(document: DocumentRecord): Promise<void> {
    const template = this.templateOf(document)
    const initial = initialDocumentValue(template)
    // A café is about the partnership's challenge from the start, so its questions never show "xx".
    const workspace =
      template.id === 'cafe' ? await this.options.workspaces.getWorkspace(document.workspaceId) : null
    const value =
      workspace === null
        ? initial
        : { ...initial, fields: { ...initial.fields, challenge: workspace.challenge } }
    const doc = new Y.Doc()
    try {
      writeDocument(doc, template, value)
      await this.options.ownership.claimForServer(document.id, doc.clientID)
      await this.options.documents.append([{ docId: document.id, update: Y.encodeStateAsUpdate(doc) }])
    } finally {
      doc.destroy()
    }
  }

  /** The document's whole value: its fields, and what the enricher adds. */
  async value(document: DocumentRecord): Promise<DocumentValue> {
    const fields = await this.fieldsValue(document)
    return this.options.enrich === undefined ? fields : this.options.enrich(document, fields)
  }

  /** The document's fields as a typed value: from its room if loaded, else from storage (upgraded in memory). */
  async fieldsValue(document: DocumentRecord): Promise<DocumentValue> {
    const template = this.templateOf(document)
    const live = this.options.live.liveDoc(document.id)
    if (live !== null) return readDocument(live, template)
    const stored = await this.options.documents.load(document.id)
    const doc = new Y.Doc()
    try {
      if (stored.state !== null) Y.applyUpdate(doc, stored.state)
      for (const update of stored.updates) Y.applyUpdate(doc, update)
      if (readMeta(doc) === null) return initialDocumentValue(template)
      doc.transact(() => upgradeDocument(doc, template, this.options.migrations))
      return readDocument(doc, template)
    } finally {
      doc.destroy()
    }
  }

  /**
   * Makes the live document hold `value`, as one forward transaction stored and relayed like any edit:
   * everyone connected sees it happen, nobody's state is swapped out, garbage collection stays on.
   */
  async replaceContent(document: DocumentRecord, value: DocumentValue): Promise<void> {
    const template = this.templateOf(document)
    await this.options.live.change(document.id, (doc) => writeDocument(doc, template, value))
  }

  /** The document's whole Yjs state now (what a saved version keeps besides its value). */
  stateOf(document: DocumentRecord): Promise<Uint8Array> {
    return this.options.live.read(document.id, (doc) => Y.encodeStateAsUpdate(doc))
  }

  /** Reads the live Y.Doc: its room's if loaded, else one built from storage for this read only. */
  readDoc<T>(document: DocumentRecord, read: (doc: Y.Doc) => T): Promise<T> {
    return this.options.live.read(document.id, read)
  }

  /** Who first wrote with each Yjs client id: the stored record, with the open room's newest claims. */
  clientOwners(document: DocumentRecord): Promise<Map<number, ClientOwner>> {
    return this.options.live.clientOwners(document.id)
  }

  async exportContext(
    document: DocumentRecord,
    locale: 'sv' | 'en',
    version?: ExportVersion,
    vocabularyAppendix = false,
  ): Promise<ExportContext> {
    const [workspace, parties, references] = await Promise.all([
      this.options.workspaces.getWorkspace(document.workspaceId),
      this.options.workspaces.listParties(document.workspaceId),
      this.options.workspaces.listReferences(document.workspaceId),
    ])
    if (workspace === null) throw new ApiError('not-found', 'no such workspace')
    return {
      workspaceName: workspace.name,
      challenge: workspace.challenge,
      parties,
      references: parties.map((party) => ({
        partyId: party.id,
        reference: referenceFor(references, party.id, document.id),
      })),
      documentId: document.id,
      documentTitle: document.title,
      template: this.templateOf(document),
      exportedAt: (this.options.now?.() ?? new Date()).toISOString(),
      locale,
      vocabularyAppendix,
      ...(vocabularyAppendix
        ? { vocabulary: await this.vocabularyOf(document.workspaceId), lexicon: swedishLexicon() }
        : {}),
      ...(version === undefined ? {} : { version }),
    }
  }

  private async vocabularyOf(workspaceId: string): Promise<VocabularyTerm[]> {
    return (await this.options.workspaces.getVocabulary(workspaceId)) ?? [...defaultVocabulary]
  }

  /** A file of `value` in `format`, with the header that identifies it (workspace, parties, template, date, version). */
  async render(value: DocumentValue, context: ExportContext, format: ExportFormat): Promise<ExportFile> {
    const outline = toOutline(value, context)
    const filename = fileName(context.documentTitle, context.exportedAt.slice(0, 10), format)
    const contentType = contentTypes[format]
    switch (format) {
      case 'md':
        return { body: renderMarkdown(outline), contentType, filename }
      case 'html':
        return { body: renderHtml(outline), contentType, filename }
      case 'pdf':
        return { body: await renderPdf(outline), contentType, filename }
      case 'docx':
        return { body: await renderDocx(outline), contentType, filename }
      case 'json': {
        const body = {
          format: 'samverkstad-document',
          formatVersion: 1,
          workspace: { name: context.workspaceName, parties: context.parties },
          document: { id: context.documentId, title: context.documentTitle },
          template: { id: context.template.id, version: context.template.version },
          exportedAt: context.exportedAt,
          ...(context.version === undefined ? {} : { version: context.version }),
          value,
        }
        return { body: `${JSON.stringify(body, null, 2)}\n`, contentType, filename }
      }
    }
  }

  async export(
    document: DocumentRecord,
    format: ExportFormat,
    locale: 'sv' | 'en',
    { vocabularyAppendix = false }: { readonly vocabularyAppendix?: boolean } = {},
  ): Promise<ExportFile> {
    const [value, context] = await Promise.all([
      this.value(document),
      this.exportContext(document, locale, undefined, vocabularyAppendix),
    ])
    return this.render(value, context, format)
  }
}
