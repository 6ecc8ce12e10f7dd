// `npm run screenshots`: regenerates docs/screenshots/ — the main pages at 1920×1080 and 390×844 in real
// Chromium, with a workspace, a joined partner and a filled worksheet, so they can be looked at.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { setPresent, writeFlow, writeSeating, writeTimer } from '../../shared/cafe/cafe-control'
import { writeAnswer } from '../../shared/cafe/check-in-answers'
import { controlRoomId } from '../../shared/cafe/control-room'
import { addCard, addGroup, moveCard } from '../../shared/cafe/harvest'
import { proposeSeating } from '../../shared/cafe/seating'
import { startRound } from '../../shared/cafe/timer'
import { templates } from '../../shared/templates'
import { writeDocument } from '../../shared/ydoc/document-ydoc'
import { ensureClientBuilt, launchBrowser } from '../helpers/browser'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { filledDocument } from '../helpers/filled-document'
import { signInAs, startTestOidcProvider, TEST_CLIENT } from '../helpers/oidc-provider'
import { startTestServer } from '../helpers/test-server'
import { TestWorkspace } from '../helpers/workspace'

const out = join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
mkdirSync(out, { recursive: true })

const sizes = [
  { name: 'desktop', viewport: { width: 1920, height: 1080 } },
  { name: 'laptop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const

// Sign-in with an organisation account is configured (a real OpenID provider on loopback), as a municipality
// would run it: the start page shows it, and one page is taken signed in.
const provider = await startTestOidcProvider()
const server = await startTestServer({
  STATIC_DIR: ensureClientBuilt(),
  OIDC_ISSUER: provider.issuer,
  OIDC_CLIENT_ID: TEST_CLIENT.id,
  OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
})
provider.register(server.url)

const IDEAS = [
  'Läxhjälp i föreningslokalen två kvällar i veckan',
  'Gemensam promenadgrupp för äldre på lördagar',
  'Språkcafé med biblioteket',
  'Fritidsbank där barn lånar utrustning',
  'Mentorer från föreningslivet för nyanlända',
  'Öppen förskola i samlingssalen',
  'Kvällsfotboll för unga med ledare från föreningen',
  'Matlagning över generationer',
  'Digital hjälp för äldre i medborgarkontoret',
  'Stadsdelsvandring med boende som guider',
  'Gemensamt sommarlovsprogram',
  'Trygghetsvandring med polisen och föreningarna',
]

/** The meeting room: a café run on the shared screen, each step at projector sizes; the join slide too. */
const meetingRoom = async (browser: Browser, workspace: TestWorkspace, worksheetId: string) => {
  const people = await Promise.all(
    [
      'Aisha',
      'Bertil',
      'Cecilia',
      'David',
      'Elsa',
      'Farid',
      'Greta',
      'Hamid',
      'Ida',
      'Jonas',
      'Karl',
      'Lina',
    ].map((name, index) =>
      workspace.join(
        'participant',
        `${name} ${index % 2 === 0 ? 'Förening' : 'Kommun'}`,
        index % 2 === 0 ? 1 : 0,
      ),
    ),
  )
  const screen = await workspace.join('viewer', 'Storskärm', 0)
  const cafe = await workspace.createDocument('Idémöte om ensamhet', 'cafe')
  const content = connectProvider(server.wsUrl, cafe.id, workspace.token)
  const control = connectProvider(server.wsUrl, controlRoomId(cafe.id), workspace.token)
  await Promise.all([waitSynced(content), waitSynced(control)])
  const kinds = new Map(workspace.created.parties.map((party) => [party.id, party.kind]))
  const guests = people.map((joined) => ({
    id: joined.member.id,
    kind: kinds.get(joined.member.partyId) ?? 'public',
  }))
  for (const guest of guests) setPresent(control.doc, guest.id, true)
  const plan = proposeSeating({ guests, rounds: 4, seed: 3 })
  writeSeating(control.doc, { seed: 3, rounds: plan.rounds.map((round) => round.map((table) => [...table])) })
  const now = new Date().toISOString()
  for (const [index, joined] of people.entries()) {
    writeAnswer(content.doc, {
      kind: 'check-in',
      memberId: joined.member.id,
      text: [
        'Jag vill att fler ska känna sig hemma här.',
        'Nyfiken på vad vi kan göra tillsammans.',
        'För att träffa grannar.',
      ][index % 3]!,
      at: now,
    })
  }
  addGroup(content.doc, { id: 'g1', name: 'Barn och unga' })
  addGroup(content.doc, { id: 'g2', name: 'Äldre' })
  addGroup(content.doc, { id: 'g3', name: 'Mötesplatser' })
  for (let i = 0; i < 24; i++) {
    addCard(content.doc, {
      id: `idea-${i}`,
      text: IDEAS[i % IDEAS.length]!,
      round: i % 4,
      table: i % 3,
      memberId: people[i % people.length]!.member.id,
      at: now,
    })
    moveCard(content.doc, `idea-${i}`, i % 4 === 3 ? null : `g${(i % 3) + 1}`)
  }
  const show = async (body: unknown) => {
    const response = await fetch(`${server.url}/api/workspaces/${workspace.id}/screen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!response.ok)
      throw new Error(`showing ${JSON.stringify(body)}: ${response.status} ${await response.text()}`)
  }
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    const context = await browser.newContext({ viewport, locale: 'sv-SE' })
    await context.addCookies([
      {
        name: `sv_${workspace.id}`,
        value: screen.session.token,
        url: server.url,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ])
    const page = await context.newPage()
    const shoot = async (file: string) => {
      await page.waitForTimeout(600)
      await page.screenshot({ path: join(out, `screen-${file}-${viewport.width}x${viewport.height}.png`) })
    }
    await page.goto(`${server.url}/w/${workspace.id}/skarm`)
    await page.locator('[data-screen="true"]').waitFor()
    await show({ kind: 'join', url: workspace.created.invites.participant.url })
    await page.locator('.join-slide').waitFor()
    await shoot('join')
    await show({ kind: 'cafe', documentId: cafe.id })
    writeFlow(control.doc, { phase: 'check-in', round: 0 })
    await page.locator('.check-in-wall').waitFor()
    await shoot('cafe-check-in')
    writeFlow(control.doc, { phase: 'round', round: 0 })
    writeTimer(control.doc, startRound(0, 25 * 60_000, Date.now()))
    await page.locator('.cafe-question').waitFor()
    await shoot('cafe-round')
    writeFlow(control.doc, { phase: 'harvest', round: 3 })
    await page.locator('.harvest-columns').waitFor()
    await shoot('cafe-harvest')
    await show({ kind: 'document', documentId: worksheetId, fieldId: 'stakeholders' })
    await page.locator('[data-field-card]').first().waitFor()
    await shoot('document')
    await show({ kind: 'equal-voice', documentId: worksheetId })
    await page.locator('.screen-equal-voice').waitFor()
    await shoot('equal-voice')
    await context.close()
  }
  // The facilitator's console beside the projector (and on a phone), a participant's phone, during round 1;
  // then the console during the harvest.
  writeFlow(control.doc, { phase: 'round', round: 0 })
  writeTimer(control.doc, startRound(0, 25 * 60_000, Date.now()))
  for (const [file, viewport, token, phase] of [
    ['cafe-console-1440x900', { width: 1440, height: 900 }, workspace.token, 'round'],
    ['cafe-console-390x844', { width: 390, height: 844 }, workspace.token, 'round'],
    ['cafe-phone-390x844', { width: 390, height: 844 }, people[0]!.session.token, 'round'],
    ['cafe-console-harvest-1440x900', { width: 1440, height: 900 }, workspace.token, 'harvest'],
  ] as const) {
    if (phase === 'harvest') writeFlow(control.doc, { phase: 'harvest', round: 3 })
    const context = await browser.newContext({ viewport, locale: 'sv-SE' })
    await context.addCookies([
      { name: `sv_${workspace.id}`, value: token, url: server.url, httpOnly: true, sameSite: 'Strict' },
    ])
    const page = await context.newPage()
    await page.goto(`${server.url}/w/${workspace.id}/cafe/${cafe.id}`)
    await page.locator('.cafe-question, .seating-table, .idea-card').first().waitFor()
    await page.waitForTimeout(600)
    await page.screenshot({ path: join(out, `${file}.png`) })
    await context.close()
  }
  destroyProvider(content)
  destroyProvider(control)
}
const browser: Browser = await launchBrowser()
try {
  const workspace = await TestWorkspace.create(server.url)
  const aisha = await workspace.join('participant', 'Aisha Förening', 1)
  const document = await workspace.createDocument('Partnerskapets organisering', 'dwa-2')
  // Content, as a partner would have written it.
  const writer = connectProvider(server.wsUrl, document.id, workspace.token)
  await waitSynced(writer)
  const value = filledDocument(
    templates['dwa-2'],
    workspace.created.parties.map((party) => party.id),
  )
  writeDocument(writer.doc, templates['dwa-2'], value)
  await new Promise((resolve) => setTimeout(resolve, 500))
  destroyProvider(writer)

  // Omar from the municipality joined signed in: his start page lists the workspace on any device.
  const omar = await signInAs(server.url, 'omar.said')
  const joined = await fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `sv_account=${omar}` },
    body: JSON.stringify({
      invite: workspace.created.invites.participant.token,
      name: 'Omar Said',
      partyId: workspace.partyId(0),
    }),
  })
  if (joined.status !== 201) throw new Error(`joining signed in: ${joined.status} ${await joined.text()}`)

  for (const { name, viewport } of sizes) {
    const signedIn = await browser.newContext({ viewport, locale: 'sv-SE' })
    await signedIn.addCookies([
      { name: 'sv_account', value: omar, url: server.url, httpOnly: true, sameSite: 'Strict' },
    ])
    const start = await signedIn.newPage()
    await start.goto(server.url)
    await start.getByText('Inloggad som Omar Said').waitFor()
    await start.waitForLoadState('networkidle')
    await start.screenshot({ path: join(out, `start-signed-in-${name}.png`) })
    await signedIn.close()

    const context = await browser.newContext({ viewport, locale: 'sv-SE' })
    await context.addCookies([
      {
        name: `sv_${workspace.id}`,
        value: aisha.session.token,
        url: server.url,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ])
    const page: Page = await context.newPage()
    const shoot = async (file: string) => {
      await page.waitForLoadState('networkidle')
      await page.screenshot({ path: join(out, `${file}-${name}.png`), fullPage: false })
    }
    await page.goto(server.url)
    await shoot('start')
    await page.goto(`${server.url}/join#${workspace.created.invites.participant.token}`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await shoot('join')
    await page.goto(`${server.url}/w/${workspace.id}`)
    await page.getByRole('heading', { name: 'Mötesplats Järva' }).waitFor()
    await shoot('workspace')
    await page.goto(`${server.url}/w/${workspace.id}/d/${document.id}`)
    await page.locator('[data-status="saved"]').waitFor()
    await shoot('document')
    // A phone is never the projector: it has no shared-screen mode.
    if (name !== 'phone') {
      await page.getByRole('button', { name: 'Storskärmsläge' }).click()
      await shoot('document-shared-screen')
    }
    await page.goto(`${server.url}/tillganglighet`)
    await shoot('accessibility-statement')
    await context.close()
  }
  await meetingRoom(browser, workspace, document.id)
  console.log(`screenshots written to ${out}`)
} finally {
  await browser.close()
  await server.close()
  await provider.close()
}
