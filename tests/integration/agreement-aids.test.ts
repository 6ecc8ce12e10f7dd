import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { parseHunspellLexicon } from '../../shared/agreement/hunspell-lexicon'
import type { IndicatorReport } from '../../shared/agreement/procurement-indicators'
import { LEXICON_FILES } from '../../shared/api/lexicon-files'
import type { BudgetValue } from '../../shared/document/budget'
import type { DocumentValue } from '../../shared/document/field-value'
import { plainText, type RichText } from '../../shared/document/rich-text'
import type { DocumentRecord } from '../../shared/schema/document-record'
import { templates } from '../../shared/templates'
import { readDocument, writeDocument } from '../../shared/ydoc/document-ydoc'
import { waitSynced } from '../helpers/clients'
import { filledDocument } from '../helpers/filled-document'
import { serverWithClients } from '../helpers/serverWithClients'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

describe('agreement aids over HTTP', () => {
  const clients = serverWithClients()

  it('serves the Swedish lexicon for the language guide once, compressed and cached for good, and it reads as a lexicon', async () => {
    const running = await clients.start()
    const [aff, dic] = await Promise.all(
      [LEXICON_FILES.aff, LEXICON_FILES.dic].map((path) =>
        fetch(`${running.url}${path}`, { headers: { 'accept-encoding': 'gzip' } }),
      ),
    )
    for (const response of [aff!, dic!]) {
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(response.headers.get('content-encoding')).toBe('gzip')
    }
    const lexicon = parseHunspellLexicon(await aff!.text(), await dic!.text())
    expect(lexicon.canEndCompound('klausulen')).toBe(true)
    expect(lexicon.canBeginCompound('in')).toBe(false)
  })

  it('drafts an agreement from filled worksheets, shows its indicators once the initiative is recorded, and gives its calendar as iCalendar', async () => {
    const running = await clients.start()
    const workspace = await TestWorkspace.create(running.url)
    const aisha = await workspace.join('participant', 'Aisha Förening', 1)
    const [kommun, forening] = workspace.created.parties
    const partyIds = workspace.created.parties.map((party) => party.id)
    const headers = (token = workspace.token) => ({
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    })
    const fill = async (documentId: string, value: DocumentValue, template: keyof typeof templates) => {
      const provider = clients.open(documentId, workspace.token)
      await waitSynced(provider)
      writeDocument(provider.doc, templates[template], value)
      await waitFor(
        () =>
          JSON.stringify(readDocument(running.registry.peek(documentId)!.doc, templates[template]).fields) ===
          JSON.stringify(value.fields),
        `${template} on the server`,
      )
    }
    const contentOf = async (documentId: string) =>
      (
        (await (
          await fetch(`${running.url}/api/documents/${documentId}/export?format=json`, { headers: headers() })
        ).json()) as { value: DocumentValue }
      ).value

    // No worksheet yet: nothing to start from.
    const tooEarly = await fetch(`${running.url}/api/workspaces/${workspace.id}/agreement-drafts`, {
      method: 'POST',
      headers: headers(aisha.session.token),
      body: '{}',
    })
    expect(tooEarly.status).toBe(409)

    const sheet1 = await workspace.createDocument('Arbetsblad 1', 'dwa-1')
    const sheet2 = await workspace.createDocument('Arbetsblad 2', 'dwa-2')
    const dwa1 = filledDocument(templates['dwa-1'], partyIds)
    const dwa2 = filledDocument(templates['dwa-2'], partyIds)
    await fill(sheet1.id, dwa1, 'dwa-1')
    await fill(sheet2.id, dwa2, 'dwa-2')

    const created = await fetch(`${running.url}/api/workspaces/${workspace.id}/agreement-drafts`, {
      method: 'POST',
      headers: headers(aisha.session.token),
      body: JSON.stringify({ title: 'Överenskommelse om mötesplatser' }),
    })
    expect(created.status).toBe(201)
    const draft = (await created.json()) as DocumentRecord
    expect(draft).toMatchObject({ template: 'agreement', title: 'Överenskommelse om mötesplatser' })
    const drafted = await contentOf(draft.id)
    const textOf = (fieldId: string) => plainText(drafted.fields[fieldId] as RichText)
    const sourceText = (value: DocumentValue, fieldId: string) => plainText(value.fields[fieldId] as RichText)
    const [title1, title2] = [templates['dwa-1'].title.sv, templates['dwa-2'].title.sv]
    expect(textOf('background').startsWith(`[Utgångspunkt från ${title1} – bearbeta tillsammans`)).toBe(true)
    expect(textOf('background')).toContain(sourceText(dwa1, 'challenge'))
    expect(textOf('purpose')).toContain(sourceText(dwa1, 'why-together'))
    expect(textOf('goals')).toContain(sourceText(dwa1, 'direction'))
    expect(textOf('goals')).toContain('Första concrete-results åäö ÅÄÖ')
    expect(textOf('target-group')).toContain(sourceText(dwa2, 'target-groups'))
    expect(textOf('commitments')).toContain(sourceText(dwa1, 'activities'))
    expect(textOf('commitments')).toContain(sourceText(dwa2, 'who-does-what'))
    expect(textOf('commitments').startsWith(`[Utgångspunkt från ${title1} och ${title2}`)).toBe(true)
    expect(textOf('organisation')).toContain(sourceText(dwa2, 'core-team'))
    expect(drafted.fields.budget).toEqual(dwa2.fields['co-financing'])
    // Parter: the workspace's parties, with who leads the work for each (Karin for the municipality).
    const partyRows = (drafted.fields.parties as { cells: Record<string, unknown> }[]).map((row) => row.cells)
    expect(partyRows).toEqual(
      workspace.created.parties.map((party) => ({
        name: party.name,
        'org-number': party.orgNumber ?? '',
        representative: party.kind === 'public' ? 'Karin Kommun' : expect.any(String),
      })),
    )
    // Sections no worksheet speaks to keep the template's start.
    expect(textOf('values')).toBe('')

    // Indicators: unknown initiative until a facilitator records it; a participant may not.
    const indicators = async () =>
      (
        (await (
          await fetch(`${running.url}/api/documents/${draft.id}/indicators`, { headers: headers() })
        ).json()) as IndicatorReport
      ).indicators
    expect((await indicators()).find((indicator) => indicator.id === 'initiative')?.status).toBe('unknown')
    const record = (partyId: string, token?: string) =>
      fetch(`${running.url}/api/workspaces/${workspace.id}/initiative`, {
        method: 'PUT',
        headers: headers(token),
        body: JSON.stringify({ partyId }),
      })
    expect((await record(forening!.id, aisha.session.token)).status).toBe(403)
    expect((await record(forening!.id)).status).toBe(204)
    const report = await indicators()
    expect(report.find((indicator) => indicator.id === 'initiative')).toMatchObject({
      status: 'met',
      params: { party: forening!.name },
    })
    const budget = drafted.fields.budget as BudgetValue
    const payers = new Set(budget.rows.map((row) => row.party))
    expect(report.find((indicator) => indicator.id === 'co-financing')?.status).toBe(
      payers.has(kommun!.id) && payers.has(forening!.id) ? 'met' : 'not-met',
    )
    const notAgreement = await fetch(`${running.url}/api/documents/${sheet1.id}/indicators`, {
      headers: headers(),
    })
    expect(notAgreement.status).toBe(409)

    // Calendar: none before dates are set; then the follow-ups, evaluation and final report, as iCalendar.
    const noDates = await fetch(`${running.url}/api/documents/${draft.id}/calendar.ics`, {
      headers: headers(),
    })
    expect(noDates.status).toBe(409)
    await fill(
      draft.id,
      {
        ...drafted,
        fields: {
          ...drafted.fields,
          'start-date': '2027-01-01',
          'end-date': '2029-12-31',
          'invoice-address': 'Kontraktet faktureras, annars utgår vite.',
        },
      },
      'agreement',
    )
    const calendars = (await (
      await fetch(`${running.url}/api/workspaces/${workspace.id}/calendar`, { headers: headers() })
    ).json()) as { agreements: Array<{ documentId: string; events: Array<{ id: string; start: string }> }> }
    const events = calendars.agreements.find((entry) => entry.documentId === draft.id)?.events ?? []
    expect(events.filter((event) => event.id.startsWith('follow-up')).map((event) => event.start)).toEqual([
      '2027-10-01',
      '2028-10-01',
    ])
    const ics = await fetch(`${running.url}/api/documents/${draft.id}/calendar.ics`, {
      headers: headers(aisha.session.token),
    })
    expect(ics.status).toBe(200)
    expect(ics.headers.get('content-type')).toContain('text/calendar')
    const calendar = new ICAL.Component(ICAL.parse(await ics.text()))
    const summaries = calendar
      .getAllSubcomponents('vevent')
      .map((component) => String(new ICAL.Event(component).summary))
    expect(summaries.length).toBe(events.length)
    expect(summaries.some((summary) => /slutrapport/i.test(summary))).toBe(true)

    // The language guide as an optional appendix of the exports.
    const exported = async (query: string) =>
      (
        await fetch(`${running.url}/api/documents/${draft.id}/export?format=md${query}`, {
          headers: headers(),
        })
      ).text()
    const withAppendix = await exported('&appendix=vocabulary')
    const appendix = withAppendix.slice(withAppendix.indexOf('Bilaga: språkguide'))
    expect(withAppendix).toContain('Bilaga: språkguide')
    expect(appendix).toContain('Kontraktet')
    expect(appendix).toContain('| Kontraktet | Överenskommelsen |')
    expect(appendix).toContain('faktureras')
    expect(appendix).toContain('återbetalning (sanktionsord)')
    expect(await exported('')).not.toContain('Bilaga: språkguide')
    const bad = await fetch(`${running.url}/api/documents/${draft.id}/export?format=md&appendix=nej`, {
      headers: headers(),
    })
    expect(bad.status).toBe(400)
  })
})
