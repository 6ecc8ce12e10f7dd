import { type Accessor, createSignal, onCleanup } from 'solid-js'
import * as Y from 'yjs'
import * as timeApi from '../../../../shared/api/time-routes'
import type { WorkspaceView } from '../../../../shared/api/workspace-api'
import { type CafeControl, readCafeControl } from '../../../../shared/cafe/cafe-control'
import { type RoundQuestion, roundQuestions, wallQuestion } from '../../../../shared/cafe/cafe-record'
import { type CheckInAnswer, readAnswers } from '../../../../shared/cafe/check-in-answers'
import { controlRoomId } from '../../../../shared/cafe/control-room'
import { type Harvest, readHarvest } from '../../../../shared/cafe/harvest'
import { type ClockSample, clockOffset } from '../../../../shared/cafe/timer'
import type { DocumentValue } from '../../../../shared/document/field-value'
import type { DocumentRecord } from '../../../../shared/schema/document-record'
import type { PartyKind } from '../../../../shared/schema/party'
import { templates } from '../../../../shared/templates'
import { call } from '../../api/api'
import { createDocumentSession } from '../../model/createDocumentSession'
import { createRoomConnection } from '../../sync/createRoomConnection'
import { presenceUserOf } from '../document/presenceUser'

export interface CafePerson {
  readonly id: string
  readonly name: string
  readonly partyName: string
  readonly kind: PartyKind
}

/** A café as the client sees it: the document (set-up, walls, harvest), the control room, and server time. */
export interface Cafe {
  readonly doc: Y.Doc
  readonly controlDoc: Y.Doc
  readonly value: DocumentValue
  readonly control: Accessor<CafeControl>
  readonly harvest: Accessor<Harvest>
  readonly answers: Accessor<{ readonly checkIn: CheckInAnswer[]; readonly checkOut: CheckInAnswer[] }>
  readonly questions: () => RoundQuestion[]
  /** The check-in or check-out question, the challenge put in. */
  readonly wallQuestion: (wall: 'check-in' | 'check-out') => string
  /** Members who have the café open now. */
  readonly online: Accessor<ReadonlySet<string>>
  /** The server's clock, ticking four times a second. */
  readonly serverNow: Accessor<number>
  readonly person: (memberId: string) => CafePerson
  readonly synced: Accessor<boolean>
}

/** Five round trips to the server's clock; the one with the shortest trip gives this device's offset to the server. */
const measureOffset = async (): Promise<number> => {
  const samples: ClockSample[] = []
  for (let i = 0; i < 5; i++) {
    const sentAt = Date.now()
    const { now } = await call(timeApi.serverTime, {})
    samples.push({ sentAt, serverTime: now, receivedAt: Date.now() })
  }
  return clockOffset(samples)
}

/** Opens a café's rooms for the current component; `watchOnly` for the shared screen (no presence, nothing kept). */
export const createCafe = (record: DocumentRecord, view: WorkspaceView, watchOnly: boolean): Cafe => {
  const me = view.members.find((member) => member.id === view.me.id) ?? view.me
  const parties = new Map(view.parties.map((party) => [party.id, party]))
  const session = createDocumentSession({
    documentId: record.id,
    template: templates.cafe,
    user: watchOnly ? null : presenceUserOf(me, parties.get(me.partyId)),
  })
  const { doc, value } = session
  // The control room (steps, timer, presence ticks, seating) is only ever written by facilitators: nothing of
  // it is kept on the device.
  const controlDoc = new Y.Doc()
  onCleanup(() => controlDoc.destroy())
  const control = createRoomConnection({ docId: controlRoomId(record.id), doc: controlDoc, persist: false })

  const [controlState, setControl] = createSignal(readCafeControl(controlDoc))
  const onControl = () => setControl(readCafeControl(controlDoc))
  controlDoc.on('update', onControl)
  const [harvest, setHarvest] = createSignal(readHarvest(doc))
  const readWalls = () => ({ checkIn: readAnswers(doc, 'check-in'), checkOut: readAnswers(doc, 'check-out') })
  const [answers, setAnswers] = createSignal(readWalls())
  const onDoc = () => {
    setHarvest(readHarvest(doc))
    setAnswers(readWalls())
  }
  doc.on('update', onDoc)

  const [offset, setOffset] = createSignal(0)
  measureOffset().then(setOffset, () => {})
  const [now, setNow] = createSignal(Date.now())
  const tick = setInterval(() => setNow(Date.now()), 250)
  onCleanup(() => {
    clearInterval(tick)
    controlDoc.off('update', onControl)
    doc.off('update', onDoc)
  })
  const statusSynced = () => session.status() === 'saved' && control.statusSignal() === 'saved'

  const people = new Map(
    view.members.map((member) => {
      const party = parties.get(member.partyId)
      return [
        member.id,
        { id: member.id, name: member.name, partyName: party?.name ?? '', kind: party?.kind ?? 'public' },
      ] as const
    }),
  )
  return {
    doc,
    controlDoc,
    value,
    control: controlState,
    harvest,
    answers,
    questions: () => roundQuestions(value, view.workspace.challenge),
    wallQuestion: (wall) => wallQuestion(value, wall, view.workspace.challenge),
    online: session.online,
    serverNow: () => now() + offset(),
    person: (id) => people.get(id) ?? { id, name: '?', partyName: '', kind: 'public' },
    synced: statusSynced,
  }
}
