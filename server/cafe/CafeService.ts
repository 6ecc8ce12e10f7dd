import type * as Y from 'yjs'
import { type CafeControl, readCafeControl, seatOf } from '../../shared/cafe/cafe-control'
import { roundsBegun } from '../../shared/cafe/cafe-record'
import { controlRoomId } from '../../shared/cafe/control-room'
import type { DocumentRecord } from '../../shared/schema/document-record'
import type { VersionSummary } from '../../shared/schema/version'
import type { LiveDocuments } from '../documents/LiveDocuments'
import { ApiError } from '../errors/ApiError'
import type { MemberRecord } from '../storage/port'
import type { VersionService } from '../versions/VersionService'

/** The label of the version saved when a round ends (1-based, as people say it). */
export const roundEndLabel = (round: number): string => `Runda ${round + 1} avslutad`

/**
 * A café's rules on the server: who may write which table's note, and the version saved at the end of each
 * round. What a café adds to its document's value is `cafeRecordOf`'s.
 */
export class CafeService {
  constructor(
    private readonly options: {
      readonly live: LiveDocuments
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
    return this.options.live.read(controlRoomId(documentId), readCafeControl)
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
        const live = this.options.live.liveDoc(controlRoomId(documentId))
        return live === null ? atOpen : seated(this.controlOf(live))
      },
    }
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
