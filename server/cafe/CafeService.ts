import type * as Y from 'yjs'
import { type CafeControl, readCafeControl, seatOf } from '../../shared/cafe/cafe-control'
import { cafeRecord, roundsBegun } from '../../shared/cafe/cafe-record'
import { readAnswers } from '../../shared/cafe/check-in-answers'
import { controlRoomId, NOTE_FRAGMENT, noteRoomId } from '../../shared/cafe/control-room'
import { entryClient, readHarvest } from '../../shared/cafe/harvest'
import type { DocumentValue } from '../../shared/document/field-value'
import type { RichText } from '../../shared/document/rich-text'
import type { DocumentRecord } from '../../shared/schema/document-record'
import type { VersionSummary } from '../../shared/schema/version'
import { readRichText } from '../../shared/ydoc/rich-text-ydoc'
import type { DocumentService } from '../documents/DocumentService'
import { ApiError } from '../errors/ApiError'
import type { MemberRecord, WorkspaceStore } from '../storage/port'
import type { VersionService } from '../versions/VersionService'

/** The label of the version saved when a round ends (1-based, as people say it). */
export const roundEndLabel = (round: number): string => `Runda ${round + 1} avslutad`

/**
 * A café's server side: who may write which table's note, the café's rounds, notes, walls and harvest as part
 * of its document value (so versions and exports carry them), and the version saved at the end of each round.
 */
export class CafeService {
  constructor(
    private readonly options: {
      readonly documents: DocumentService
      readonly workspaces: WorkspaceStore
      readonly versions: VersionService
    },
  ) {}

  /**
   * A loaded control room's state, parsed once per change: a note's write check runs on every keystroke at
   * that table, and the seating changes a few times a café.
   */
  private readonly parsed = new WeakMap<Y.Doc, CafeControl>()

  private controlOf(doc: Y.Doc): CafeControl {
    let control = this.parsed.get(doc)
    if (control === undefined) {
      control = readCafeControl(doc)
      this.parsed.set(doc, control)
      doc.once('update', () => this.parsed.delete(doc))
    }
    return control
  }

  private control(documentId: string): Promise<CafeControl> {
    return this.options.documents.readRoom(controlRoomId(documentId), readCafeControl)
  }

  /**
   * Whether a member may write a table's note in a round: facilitators always; anyone else only while the
   * seating puts them at that table in that round. Decided when the socket opens and again for every update
   * while the control room is loaded here, so someone moved to another table stops writing to the old one.
   */
  async noteWriteGate(
    member: Pick<MemberRecord, 'id' | 'role'>,
    documentId: string,
    round: number,
    table: number,
  ): Promise<{ readonly readOnly: boolean; readonly mayWrite?: () => boolean }> {
    if (member.role === 'facilitator') return { readOnly: false }
    if (member.role === 'viewer') return { readOnly: true }
    const seated = (control: Pick<CafeControl, 'seating'>) =>
      seatOf(control.seating, round, member.id)?.table === table
    const atOpen = seated(await this.control(documentId))
    return {
      readOnly: false,
      mayWrite: () => {
        const live = this.options.documents.liveDoc(controlRoomId(documentId))
        return live === null ? atOpen : seated(this.controlOf(live))
      },
    }
  }

  /** A café document's value with its record: rounds begun, each table's note, the walls and the harvest. */
  readonly enrich = async (document: DocumentRecord, value: DocumentValue): Promise<DocumentValue> => {
    if (document.template !== 'cafe') return value
    const [control, owners, members, parties] = await Promise.all([
      this.control(document.id),
      this.options.documents.clientOwners(document),
      this.options.workspaces.listMembers(document.workspaceId),
      this.options.workspaces.listParties(document.workspaceId),
    ])
    const notes = new Map<string, RichText>()
    await Promise.all(
      (control.seating?.rounds ?? []).slice(0, roundsBegun(control)).flatMap((tables, round) =>
        tables.map(async (_, table) => {
          const note = await this.options.documents.readRoom(noteRoomId(document.id, round, table), (doc) =>
            readRichText(doc.getXmlFragment(NOTE_FRAGMENT)),
          )
          notes.set(`${round}:${table}`, note)
        }),
      ),
    )
    const byId = new Map(members.map((member) => [member.id, member]))
    const partyName = new Map(parties.map((party) => [party.id, party.name]))
    const person = (memberId: string) => {
      const member = byId.get(memberId)
      return member === undefined
        ? { name: '?', party: '' }
        : { name: member.name, party: partyName.get(member.partyId) ?? '' }
    }
    const record = await this.options.documents.readDoc(document, (doc: Y.Doc) => {
      // Who wrote an entry is the recorded owner of the Yjs client that wrote it, not what the entry says.
      const writer = (map: string, key: string) => {
        const client = entryClient(doc, map, key)
        return client === null ? null : (owners.get(client)?.memberId ?? null)
      }
      return cafeRecord({
        value,
        control,
        note: (round, table) => notes.get(`${round}:${table}`) ?? [],
        checkIn: readAnswers(doc, 'check-in', writer),
        checkOut: readAnswers(doc, 'check-out', writer),
        harvest: readHarvest(doc, writer),
        person,
      })
    })
    return { ...value, cafe: record }
  }

  /**
   * Saves the version that marks the end of a round (once per round: asking again returns the one saved).
   * Only a round that has begun can end.
   */
  async endRound(member: MemberRecord, document: DocumentRecord, round: number): Promise<VersionSummary> {
    if (document.template !== 'cafe') throw new ApiError('not-found', 'this document is not a café')
    const control = await this.control(document.id)
    if (round >= roundsBegun(control)) {
      throw new ApiError('conflict', `round ${round + 1} has not begun`)
    }
    const label = roundEndLabel(round)
    const saved = (await this.options.versions.list(document)).find((version) => version.label === label)
    if (saved !== undefined) {
      const { approvals: _approvals, agreedByAllParties: _agreed, ...summary } = saved
      return summary
    }
    return this.options.versions.save(member, document, {
      label,
      note: 'Sparad automatiskt när rundan avslutades.',
    })
  }
}
