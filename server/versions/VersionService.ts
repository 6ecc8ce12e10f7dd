import { createHash } from 'node:crypto'
import { zipSync } from 'fflate'
import { canonicalJson } from '../../shared/document/canonical-json'
import type { DocumentValue } from '../../shared/document/field-value'
import type { ExportFormat } from '../../shared/export/export-format'
import type { DocumentRecord } from '../../shared/schema/document-record'
import type { FilingManifest } from '../../shared/schema/filing-manifest'
import type { VerifiedIdentity } from '../../shared/schema/verified-identity'
import {
  decisionLine,
  type RecordDecisionRequest,
  type SaveVersionRequest,
  type VersionDecision,
  type VersionSummary,
  type VersionView,
} from '../../shared/schema/version'
import type { DocumentService, ExportFile } from '../documents/DocumentService'
import { ApiError } from '../errors/ApiError'
import type { MemberRecord, VersionRecord, VersionStore, WorkspaceStore } from '../storage/port'
import { diffValues, type FieldDiff } from './diffValues'

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')

const bytesOf = (body: string | Uint8Array): Uint8Array =>
  typeof body === 'string' ? new TextEncoder().encode(body) : body

/** The formats a registrar files: PDF to read, DOCX to work on, JSON to process. */
const FILED_FORMATS = ['pdf', 'docx', 'json'] as const

/** The verified identity to record beside what a member does, when they are signed in with one (else nothing). */
const verified = (of: {
  readonly identity?: VerifiedIdentity | undefined
}): { identity?: VerifiedIdentity } => (of.identity === undefined ? {} : { identity: of.identity })

/**
 * Saved versions of documents: immutable, numbered, each with the SHA-256 of its value's canonical JSON —
 * recomputed on every read, so bytes changed behind the server's back are reported, never served.
 */
export class VersionService {
  constructor(
    private readonly options: {
      readonly versions: VersionStore
      readonly workspaces: WorkspaceStore
      readonly documents: DocumentService
      readonly now?: () => Date
      /** After a version is saved or approved: the open screens are told (see Room.versionsChanged). */
      readonly onChanged?: (documentId: string) => void
    },
  ) {}

  async save(
    member: MemberRecord,
    document: DocumentRecord,
    request: SaveVersionRequest,
  ): Promise<VersionSummary> {
    const [value, state, parties] = await Promise.all([
      this.options.documents.value(document),
      this.options.documents.stateOf(document),
      this.options.workspaces.listParties(member.workspaceId),
    ])
    const text = canonicalJson(value)
    const createdBy = {
      memberId: member.id,
      name: member.name,
      partyId: member.partyId,
      partyName: parties.find((party) => party.id === member.partyId)?.name ?? '',
    }
    const at = (this.options.now?.() ?? new Date()).toISOString()
    const version: Omit<VersionRecord, 'number'> = {
      documentId: document.id,
      label: request.label,
      note: request.note ?? '',
      createdAt: at,
      createdBy,
      sha256: sha256(text),
      template: value.template,
      templateVersion: value.templateVersion,
      state,
      value: text,
    }
    const number = await this.options.versions.addVersion(version, {
      workspaceId: member.workspaceId,
      at,
      type: 'version-saved',
      actor: { ...createdBy, role: member.role, ...verified(member) },
      subject: { kind: 'version', id: document.id, label: request.label },
    })
    this.options.onChanged?.(document.id)
    const { state: _state, value: _value, ...summary } = version
    return { ...summary, number }
  }

  /** Every version with its approvals, and whether every party of the partnership has approved it. */
  async list(document: DocumentRecord): Promise<VersionView[]> {
    const [versions, approvals, decisions, recommendations, parties] = await Promise.all([
      this.options.versions.listVersions(document.id),
      this.options.versions.listApprovals(document.id),
      this.options.versions.listDecisions(document.id),
      this.options.versions.listRecommendations(document.id),
      this.options.workspaces.listParties(document.workspaceId),
    ])
    // Each version's hash is checked on every listing, not only when it is read: a registrar sees at once
    // which record was changed after it was saved.
    const intact = await Promise.all(
      versions.map(async (version) => {
        const record = await this.options.versions.getVersion(document.id, version.number)
        return record !== null && sha256(record.value) === record.sha256
      }),
    )
    return versions.map((version, index) => {
      const given = approvals.get(version.number) ?? []
      return {
        ...version,
        intact: intact[index] ?? false,
        approvals: given,
        // In the partnership's party order, as everything else about the parties is listed.
        decisions: [...(decisions.get(version.number) ?? [])].sort(
          (a, b) =>
            parties.findIndex((party) => party.id === a.partyId) -
            parties.findIndex((party) => party.id === b.partyId),
        ),
        recommendations: recommendations.get(version.number) ?? [],
        agreedByAllParties:
          parties.length > 0 && parties.every((party) => given.some((a) => a.partyId === party.id)),
      }
    })
  }

  /**
   * A member's party takes its position on version \`number\` (ställningstagande). Only for the member's own
   * party; once per party and version.
   */
  async approve(
    member: MemberRecord,
    document: DocumentRecord,
    number: number,
    partyId?: string,
  ): Promise<VersionView> {
    if (partyId !== undefined && partyId !== member.partyId) {
      throw new ApiError('forbidden', 'a member approves only for the party they represent')
    }
    const parties = await this.options.workspaces.listParties(member.workspaceId)
    const party = parties.find((candidate) => candidate.id === member.partyId)
    if (member.decisionMaker !== true) {
      throw new ApiError(
        'forbidden',
        `only ${party?.name ?? 'the party'}'s decision-makers (beslutsfattare) take its position on a version: ask one of them, or have your party mark you as one`,
      )
    }
    await this.get(document, number)
    const at = (this.options.now?.() ?? new Date()).toISOString()
    const approval = {
      partyId: member.partyId,
      partyName: party?.name ?? '',
      memberId: member.id,
      name: member.name,
      at,
      ...verified(member),
    }
    const added = await this.options.versions.addApproval(document.id, number, approval, {
      workspaceId: member.workspaceId,
      at,
      type: 'version-approved',
      actor: {
        memberId: member.id,
        name: member.name,
        partyId: member.partyId,
        partyName: approval.partyName,
        role: member.role,
        ...verified(member),
      },
      subject: { kind: 'version', id: document.id, label: `${number}` },
    })
    if (!added) throw new ApiError('conflict', `${approval.partyName} has already approved version ${number}`)
    this.options.onChanged?.(document.id)
    const view = (await this.list(document)).find((version) => version.number === number)
    if (view === undefined) throw new ApiError('not-found', `document has no version ${number}`)
    return view
  }

  /**
   * A member who is not their party's decision-maker recommends that it approve a version (once each): the
   * decision-makers see who recommends it; the party's position is still theirs to take.
   */
  async recommend(member: MemberRecord, document: DocumentRecord, number: number): Promise<VersionView> {
    await this.get(document, number)
    const parties = await this.options.workspaces.listParties(member.workspaceId)
    const partyName = parties.find((candidate) => candidate.id === member.partyId)?.name ?? ''
    const at = (this.options.now?.() ?? new Date()).toISOString()
    const added = await this.options.versions.addRecommendation(
      document.id,
      number,
      { partyId: member.partyId, partyName, memberId: member.id, name: member.name, at },
      {
        workspaceId: member.workspaceId,
        at,
        type: 'version-recommended',
        actor: {
          memberId: member.id,
          name: member.name,
          partyId: member.partyId,
          partyName,
          role: member.role,
          ...verified(member),
        },
        subject: { kind: 'version', id: document.id, label: `${number}` },
      },
    )
    if (!added) throw new ApiError('conflict', `${member.name} has already recommended version ${number}`)
    this.options.onChanged?.(document.id)
    const view = (await this.list(document)).find((version) => version.number === number)
    if (view === undefined) throw new ApiError('not-found', `document has no version ${number}`)
    return view
  }

  /**
   * A party records its formal decision on a version (the body, the date and the paragraph), through one of
   * its decision-makers; once per party and version. It is printed on the version's exports and filed with it.
   */
  async recordDecision(
    member: MemberRecord,
    document: DocumentRecord,
    number: number,
    request: RecordDecisionRequest,
  ): Promise<VersionView> {
    const parties = await this.options.workspaces.listParties(member.workspaceId)
    const party = parties.find((candidate) => candidate.id === member.partyId)
    if (request.partyId !== member.partyId) {
      throw new ApiError('forbidden', "a party records its own decision, not another party's")
    }
    if (member.decisionMaker !== true) {
      throw new ApiError(
        'forbidden',
        `only ${party?.name ?? 'the party'}'s decision-makers (beslutsfattare) record its decision`,
      )
    }
    await this.get(document, number)
    const at = (this.options.now?.() ?? new Date()).toISOString()
    const decision: VersionDecision = {
      partyId: member.partyId,
      partyName: party?.name ?? '',
      body: request.body,
      date: request.date,
      paragraph: request.paragraph,
      recordedBy: member.name,
      at,
      ...verified(member),
    }
    const added = await this.options.versions.addDecision(document.id, number, decision, {
      workspaceId: member.workspaceId,
      at,
      type: 'decision-recorded',
      actor: {
        memberId: member.id,
        name: member.name,
        partyId: member.partyId,
        partyName: decision.partyName,
        role: member.role,
        ...verified(member),
      },
      subject: { kind: 'version', id: document.id, label: `${number}: ${decisionLine(decision)}` },
    })
    if (!added)
      throw new ApiError(
        'conflict',
        `${decision.partyName} has already recorded its decision on version ${number}`,
      )
    this.options.onChanged?.(document.id)
    const view = (await this.list(document)).find((version) => version.number === number)
    if (view === undefined) throw new ApiError('not-found', `document has no version ${number}`)
    return view
  }

  /** A version with its value, after checking its bytes still hash to what was recorded when it was saved. */
  async get(
    document: DocumentRecord,
    number: number,
  ): Promise<{ summary: VersionSummary; value: DocumentValue; state: Uint8Array }> {
    const record = await this.options.versions.getVersion(document.id, number)
    if (record === null) throw new ApiError('not-found', `document has no version ${number}`)
    if (sha256(record.value) !== record.sha256) {
      throw new ApiError(
        'integrity-error',
        `version ${number} does not match its recorded SHA-256: it was changed after it was saved`,
      )
    }
    let value: DocumentValue
    try {
      value = JSON.parse(record.value) as DocumentValue
    } catch {
      throw new ApiError('integrity-error', `version ${number} is not readable JSON`)
    }
    const { state, value: _text, ...summary } = record
    return { summary, value, state }
  }

  /**
   * Restores version `number` as a new version: the live document is changed to its value by a forward
   * transaction, then saved as "restored from n" (its SHA-256 equals version n's).
   */
  async restore(member: MemberRecord, document: DocumentRecord, number: number): Promise<VersionSummary> {
    if (document.frozen !== null) {
      throw new ApiError(
        'conflict',
        `the document is frozen for signing (by ${document.frozen.by}); unfreeze it first`,
      )
    }
    const { summary, value } = await this.get(document, number)
    const template = this.options.documents.templateOf(document)
    if (summary.templateVersion !== template.version) {
      throw new ApiError(
        'conflict',
        `version ${number} follows template version ${summary.templateVersion}, the document ${template.version}`,
      )
    }
    await this.options.documents.replaceContent(document, value)
    return this.save(member, document, { label: `Återställd från version ${number}`, note: summary.label })
  }

  /** Field-by-field changes from one revision to another; `'live'` is the document as it is now. */
  async diff(document: DocumentRecord, from: number | 'live', to: number | 'live'): Promise<FieldDiff[]> {
    const valueAt = async (revision: number | 'live') =>
      revision === 'live'
        ? this.options.documents.value(document)
        : (await this.get(document, revision)).value
    const [before, after] = await Promise.all([valueAt(from), valueAt(to)])
    if (before.templateVersion !== after.templateVersion) {
      throw new ApiError(
        'conflict',
        'these revisions follow different template versions and cannot be compared field by field',
      )
    }
    return diffValues(this.options.documents.templateOf(document), before, after)
  }

  async export(
    document: DocumentRecord,
    number: number,
    format: ExportFormat,
    locale: 'sv' | 'en',
  ): Promise<ExportFile> {
    const { summary, value } = await this.get(document, number)
    const [allApprovals, allDecisions, parties] = await Promise.all([
      this.options.versions.listApprovals(document.id),
      this.options.versions.listDecisions(document.id),
      this.options.workspaces.listParties(document.workspaceId),
    ])
    const partyOrder = (partyId: string) => parties.findIndex((party) => party.id === partyId)
    const approvals = allApprovals.get(number) ?? []
    const context = await this.options.documents.exportContext(document, locale, {
      number: summary.number,
      label: summary.label,
      sha256: summary.sha256,
      createdAt: summary.createdAt,
      createdBy: `${summary.createdBy.name} (${summary.createdBy.partyName})`,
      approvals: approvals.map((approval) => ({
        party: approval.partyName,
        name: approval.name,
        at: approval.at,
        ...verified(approval),
      })),
      decisions: [...(allDecisions.get(number) ?? [])]
        .sort((a, b) => partyOrder(a.partyId) - partyOrder(b.partyId))
        .map((decision) => ({
          party: decision.partyName,
          line: decisionLine(decision),
          ...verified(decision),
        })),
    })
    const file = await this.options.documents.render(value, context, format)
    return { ...file, filename: file.filename.replace(/\.(\w+)$/, `-v${summary.number}.$1`) }
  }

  /**
   * The filing bundle of a version (what a registrar needs to diarieföra it): a zip of its PDF, DOCX and JSON
   * and a `manifest.json` naming the partnership, document, template and version, who saved and approved it,
   * and the SHA-256 of every file.
   */
  async bundle(document: DocumentRecord, number: number, locale: 'sv' | 'en'): Promise<ExportFile> {
    const files = await Promise.all(
      FILED_FORMATS.map((format) => this.export(document, number, format, locale)),
    )
    const [{ summary }, views, workspace, parties, references] = await Promise.all([
      this.get(document, number),
      this.list(document),
      this.options.workspaces.getWorkspace(document.workspaceId),
      this.options.workspaces.listParties(document.workspaceId),
      this.options.workspaces.listReferences(document.workspaceId),
    ])
    const view = views.find((candidate) => candidate.number === number)
    if (view === undefined || workspace === null)
      throw new ApiError('not-found', `document has no version ${number}`)
    const template = this.options.documents.templateOf(document)
    const contents = files.map((file) => ({ file, bytes: bytesOf(file.body) }))
    const manifest: FilingManifest = {
      format: 'samverkstad-filing/1',
      bundledAt: (this.options.now?.() ?? new Date()).toISOString(),
      workspace: { id: workspace.id, name: workspace.name },
      parties,
      references: parties.map((party) => {
        const own = (documentId: string | null) =>
          references.find((entry) => entry.partyId === party.id && entry.documentId === documentId)
            ?.reference ?? null
        return { partyId: party.id, party: party.name, document: own(document.id), workspace: own(null) }
      }),
      document: { id: document.id, title: document.title },
      template: { id: template.id, version: template.version, title: template.title[locale] },
      version: {
        number: summary.number,
        label: summary.label,
        note: summary.note,
        createdAt: summary.createdAt,
        createdBy: { name: summary.createdBy.name, party: summary.createdBy.partyName },
        valueSha256: summary.sha256,
      },
      approvals: view.approvals.map((approval) => ({
        party: approval.partyName,
        name: approval.name,
        at: approval.at,
        ...verified(approval),
      })),
      agreedByAllParties: view.agreedByAllParties,
      decisions: view.decisions.map((decision) => ({
        party: decision.partyName,
        body: decision.body,
        date: decision.date,
        paragraph: decision.paragraph,
        recordedBy: decision.recordedBy,
        ...verified(decision),
      })),
      files: contents.map(({ file, bytes }) => ({
        name: file.filename,
        contentType: file.contentType,
        bytes: bytes.byteLength,
        sha256: sha256(bytes),
      })),
    }
    // Dated as the version, so the same version always zips to entries with the same dates.
    const mtime = new Date(summary.createdAt)
    const zip = zipSync(
      {
        ...Object.fromEntries(contents.map(({ file, bytes }) => [file.filename, [bytes, { mtime }]])),
        'manifest.json': [new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }],
      },
      { level: 6 },
    )
    const base = files[0]?.filename.replace(/\.pdf$/, '') ?? `version-${number}`
    return { body: zip, contentType: 'application/zip', filename: `${base}-diarieforing.zip` }
  }
}
