import type { Lexicon } from '../agreement/hunspell-lexicon'
import type { VocabularyTerm } from '../agreement/vocabulary'
import type { Party } from '../schema/party'
import type { VerifiedIdentity } from '../schema/verified-identity'
import type { Template } from '../templates/template'

/** A saved version's identity, printed on exports of it (versions arrive with the artifacts issue). */
export interface ExportVersion {
  readonly number: number
  readonly label: string
  readonly sha256: string
  readonly createdAt: string
  readonly createdBy: string
  /** Each party's approval; `identity` when the approver was signed in with an organisation account. */
  readonly approvals: readonly {
    readonly party: string
    readonly name: string
    readonly at: string
    readonly identity?: VerifiedIdentity
  }[]
  /** Each party's formal decision on the version, as one line ("Stadsdelsnämnden 2027-03-14 § 12"). */
  readonly decisions?: readonly {
    readonly party: string
    readonly line: string
    readonly identity?: VerifiedIdentity
  }[]
}

/** What every export's header says: where the document comes from, for the records (diarieföring). */
export interface ExportContext {
  readonly workspaceName: string
  /** The partnership's societal challenge (a café's questions say "xx" for it). */
  readonly challenge?: string
  readonly parties: readonly Party[]
  readonly documentId: string
  readonly documentTitle: string
  readonly template: Template
  /** ISO timestamp of the export. */
  readonly exportedAt: string
  readonly version?: ExportVersion
  readonly locale: 'sv' | 'en'
  /** Append the language guide's findings (purchase and sanction words with suggestions). */
  readonly vocabularyAppendix?: boolean
  /** The workspace's vocabulary guide for that appendix (SKL's default when absent). */
  readonly vocabulary?: readonly VocabularyTerm[]
  /** Each party's diarienummer for the document (or, failing that, for the workspace); null: none yet. */
  readonly references?: readonly { readonly partyId: string; readonly reference: string | null }[]
  /** The Swedish lexicon, to find the guide's words inside compounds too. */
  readonly lexicon?: Lexicon
}
