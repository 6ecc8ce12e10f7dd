import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { controlRoomId } from '../../shared/cafe/control-room'
import {
  addMinute,
  type CafeTimer,
  type ClockSample,
  clockOffset,
  pause,
  remainingMs,
  resume,
  startRound,
} from '../../shared/cafe/timer'
import { CloseCode } from '../../shared/protocol/sync-error'
import { waitSynced } from '../helpers/clients'
import { serverWithClients } from '../helpers/serverWithClients'
import { sleep, waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

describe('the café control room', () => {
  const clients = serverWithClients()

  const setup = async () => {
    const running = await clients.start()
    const workspace = await TestWorkspace.create(running.url)
    const participant = await workspace.join('participant', 'Aisha Förening', 1)
    const cafe = await workspace.createDocument('Idémöte', 'cafe')
    const open = (token: string, room = controlRoomId(cafe.id)) => {
      return clients.open(room, token)
    }
    return { running, workspace, participant, cafe, open }
  }

  it("a participant's direct write to the timer or seating is neither applied on the server nor seen by others; a facilitator's is", async () => {
    const { running, workspace, participant, cafe, open } = await setup()
    const facilitator = open(workspace.token)
    const aisha = open(participant.session.token)
    const other = open(participant.session.token)
    await Promise.all([waitSynced(facilitator), waitSynced(aisha), waitSynced(other)])

    aisha.doc.getMap('timer').set('state', 'running')
    aisha.doc.getMap('seating').set('tables', [['aisha', 'karin']])
    await sleep(300)
    await running.registry.flush()
    const serverDoc = running.registry.peek(controlRoomId(cafe.id))!.doc
    expect(serverDoc.getMap('timer').size).toBe(0)
    expect(serverDoc.getMap('seating').size).toBe(0)
    expect(other.doc.getMap('timer').size).toBe(0)
    expect(facilitator.doc.getMap('seating').size).toBe(0)
    const stored = await running.storage.documents.load(controlRoomId(cafe.id))
    expect(stored.updates).toHaveLength(0)

    facilitator.doc.getMap('timer').set('state', 'running')
    await waitFor(
      () => other.doc.getMap('timer').get('state') === 'running',
      'the facilitator’s timer to reach others',
    )
    expect(serverDoc.getMap('timer').get('state')).toBe('running')

    // Only a café has a control room.
    const sheet = await workspace.createDocument('Arbetsblad', 'dwa-1')
    const closed = open(workspace.token, controlRoomId(sheet.id))
    const codes: number[] = []
    closed.on('connection-close', (event) => {
      if (event !== null) codes.push(event.code)
    })
    await waitFor(() => codes.includes(CloseCode.NotFound), 'a control room of a worksheet to be refused')
    closed.shouldConnect = false
  })

  it('two devices whose clocks are 30 s fast and 30 s slow show the same remaining time within 250 ms; pause, resume and +1 min reach both', async () => {
    const { running, workspace, participant, open } = await setup()
    /** A device whose clock is off by `skew`, measuring its offset to the server over real HTTP. */
    const device = async (skew: number) => {
      const now = () => Date.now() + skew
      const samples: ClockSample[] = []
      for (let i = 0; i < 5; i++) {
        const sentAt = now()
        const { now: serverTime } = (await (await fetch(`${running.url}/api/time`)).json()) as { now: number }
        samples.push({ sentAt, serverTime, receivedAt: now() })
      }
      const offset = clockOffset(samples)
      return { serverNow: () => now() + offset }
    }
    const fast = await device(30_000)
    const slow = await device(-30_000)
    const facilitatorClock = await device(12_345)
    const facilitator = open(workspace.token)
    const screenA = open(participant.session.token)
    const screenB = open(participant.session.token)
    await Promise.all([waitSynced(facilitator), waitSynced(screenA), waitSynced(screenB)])
    const write = (timer: CafeTimer) => facilitator.doc.getMap('timer').set('timer', timer)
    const read = (provider: WebsocketProvider) =>
      provider.doc.getMap('timer').get('timer') as CafeTimer | undefined

    write(startRound(1, 20 * 60_000, facilitatorClock.serverNow()))
    await waitFor(
      () => read(screenA)?.state === 'running' && read(screenB)?.state === 'running',
      'both screens',
    )
    const shown = () => [
      remainingMs(read(screenA)!, fast.serverNow()),
      remainingMs(read(screenB)!, slow.serverNow()),
    ]
    const [a, b] = shown()
    expect(Math.abs(a! - b!)).toBeLessThan(250)
    expect(a).toBeGreaterThan(20 * 60_000 - 2_000)
    expect(a).toBeLessThanOrEqual(20 * 60_000)

    write(pause(read(facilitator)!, facilitatorClock.serverNow()))
    await waitFor(() => read(screenA)?.state === 'paused' && read(screenB)?.state === 'paused', 'the pause')
    const paused = shown()
    await sleep(300)
    expect(shown()).toEqual(paused)

    write(addMinute(read(facilitator)!))
    await waitFor(
      () => remainingMs(read(screenB)!, slow.serverNow()) > paused[1]! + 59_000,
      'the extra minute',
    )
    write(resume(read(facilitator)!, facilitatorClock.serverNow()))
    await waitFor(
      () => read(screenA)?.state === 'running' && read(screenB)?.state === 'running',
      'the resume',
    )
    const [c, d] = shown()
    expect(Math.abs(c! - d!)).toBeLessThan(250)
    expect(c).toBeGreaterThan(paused[0]! + 58_000)
  })

  it('starts a new café about the partnership’s challenge, so no question ever says "xx", in exports too', async () => {
    const { running, workspace, cafe } = await setup()
    const exported = (await (
      await fetch(`${running.url}/api/documents/${cafe.id}/export?format=json`, {
        headers: { authorization: `Bearer ${workspace.token}` },
      })
    ).json()) as { value: { fields: { challenge: string } } }
    expect(exported.value.fields.challenge).toBe(workspace.created.workspace.challenge)
    const markdown = await (
      await fetch(`${running.url}/api/documents/${cafe.id}/export?format=md`, {
        headers: { authorization: `Bearer ${workspace.token}` },
      })
    ).text()
    expect(markdown).toContain(`Vad betyder ${workspace.created.workspace.challenge} för mig personligen?`)
    // Only the challenge field's own label still explains the placeholder.
    expect(markdown.replace('(”xx” i frågorna)', '')).not.toMatch(/\bxx\b/)
  })
})
