import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../shared/agreement/partnership-calendar'
import type { PartnershipStatus } from '../../shared/agreement/partnership-status'
import { initialDocumentValue } from '../../shared/document/field-value'
import type { TemplateId } from '../../shared/schema/template-id'
import { templates } from '../../shared/templates'
import { readDocument, writeDocument } from '../../shared/ydoc/document-ydoc'
import { waitSynced } from '../helpers/clients'
import { serverWithClients } from '../helpers/serverWithClients'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date())

describe('where the partnership stands', () => {
  const clients = serverWithClients()

  it('shows the first meeting as overdue five weeks after an initiative with no meeting, and done once minutes of a meeting exist', async () => {
    const running = await clients.start()
    const workspace = await TestWorkspace.create(running.url)
    const fill = async (documentId: string, template: TemplateId, fields: Record<string, unknown>) => {
      const provider = clients.open(documentId, workspace.token)
      await waitSynced(provider)
      const value = initialDocumentValue(templates[template])
      const next = { ...value, fields: { ...value.fields, ...fields } as typeof value.fields }
      writeDocument(provider.doc, templates[template], next)
      await waitFor(
        () =>
          Object.entries(fields).every(
            ([id, expected]) =>
              readDocument(running.registry.peek(documentId)!.doc, templates[template]).fields[id] ===
              expected,
          ),
        `${template} on the server`,
      )
    }
    const status = async () =>
      (await (
        await fetch(`${running.url}/api/workspaces/${workspace.id}/status`, {
          headers: { authorization: `Bearer ${workspace.token}` },
        })
      ).json()) as PartnershipStatus
    const item = (report: PartnershipStatus, id: string) => report.items.find((entry) => entry.id === id)

    const received = addDays(today(), -35)
    const checklist = await workspace.createDocument('Inkommet initiativ', 'initiative-checklist')
    await fill(checklist.id, 'initiative-checklist', { received })
    const before = await status()
    expect(before.stage).toBe('inleda')
    expect(item(before, 'initiative')).toMatchObject({ done: true, documentId: checklist.id })
    expect(item(before, 'first-meeting')).toMatchObject({
      due: addDays(received, 28),
      done: false,
      overdue: true,
      documentId: null,
    })
    expect(item(before, 'agreement')).toMatchObject({ done: false, overdue: false })
    const feed = async () =>
      ICAL.parse(
        await (
          await fetch(`${running.url}/api/workspaces/${workspace.id}/status.ics`, {
            headers: { authorization: `Bearer ${workspace.token}` },
          })
        ).text(),
      )
    const firstMeetingEvent = async () =>
      new ICAL.Component(await feed())
        .getAllSubcomponents('vevent')
        .map((component) => new ICAL.Event(component))
        .find((event) => event.uid.startsWith('status-first-meeting'))
    expect((await firstMeetingEvent())?.summary).toContain('FÖRSENAT: Första mötet')
    expect((await firstMeetingEvent())?.startDate.toString()).toBe(addDays(received, 28))

    const minutes = await workspace.createDocument('Första idémötet', 'minutes')
    await fill(minutes.id, 'minutes', {
      'meeting-date': addDays(received, 20),
      'meeting-kind': 'idea-meeting',
    })
    const after = await status()
    expect(item(after, 'first-meeting')).toMatchObject({ done: true, overdue: false, documentId: minutes.id })
    expect(item(after, 'idea-meetings')?.title.sv).toBe('Idémöten hållna: 1')
    expect((await firstMeetingEvent())?.summary).toContain('Klart: Första mötet')
  })
})
