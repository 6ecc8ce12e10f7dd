import type * as Y from 'yjs'
import { readCafeControl } from '../../shared/cafe/cafe-control'
import { cafeRecord, roundsBegun } from '../../shared/cafe/cafe-record'
import { readAnswers } from '../../shared/cafe/check-in-answers'
import { controlRoomId, NOTE_FRAGMENT, noteRoomId } from '../../shared/cafe/control-room'
import { entryClient, readHarvest } from '../../shared/cafe/harvest'
import type { RichText } from '../../shared/document/rich-text'
import { readRichText } from '../../shared/ydoc/rich-text-ydoc'
import type { ValueEnricher } from '../documents/DocumentService'
import type { LiveDocuments } from '../documents/LiveDocuments'
import type { WorkspaceStore } from '../storage/port'

export interface CafeRecordOptions {
  readonly live: LiveDocuments
  readonly workspaces: Pick<WorkspaceStore, 'listMembers' | 'listParties' | 'getWorkspace'>
}

/**
 * A café document's value with its record — rounds begun, each table's note, the walls and the harvest — so
 * versions, diffs and exports carry them. Other documents' values pass unchanged.
 */
export const makeCafeRecordEnricher = ({ live, workspaces }: CafeRecordOptions): ValueEnricher =>
  async function cafeRecordOf(document, value) {
    if (document.template !== 'cafe') return value
    const [control, owners, members, parties, workspace] = await Promise.all([
      live.read(controlRoomId(document.id), readCafeControl),
      live.clientOwners(document.id),
      workspaces.listMembers(document.workspaceId),
      workspaces.listParties(document.workspaceId),
      workspaces.getWorkspace(document.workspaceId),
    ])
    const notes = new Map<string, RichText>()
    await Promise.all(
      (control.seating?.rounds ?? []).slice(0, roundsBegun(control)).flatMap((tables, round) =>
        tables.map(async (_, table) => {
          const note = await live.read(noteRoomId(document.id, round, table), (doc) =>
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
    const record = await live.read(document.id, (doc: Y.Doc) => {
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
        workspaceChallenge: workspace?.challenge ?? '',
      })
    })
    return { ...value, cafe: record }
  }
