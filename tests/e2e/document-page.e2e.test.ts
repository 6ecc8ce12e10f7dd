import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { templates } from '../../shared/templates'
import { browserSkipMessage, expectNoSeriousAxeViolations, hasChromium, newPerson } from '../helpers/browser'
import { browserSession } from '../helpers/browserSession'
import { createDocumentInBrowser, createWorkspaceInBrowser, joinInBrowser } from '../helpers/e2e-flows'

const e2e = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

const LAPTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

/** What has the keyboard focus: a card's field id, or the element's accessible role and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    return {
      card: element?.getAttribute('data-field-card') ?? null,
      role: element?.getAttribute('role') ?? element?.tagName.toLowerCase() ?? null,
      text: element?.textContent?.trim() ?? '',
    }
  })

/** The first field's text, without the other people's cursors drawn in it. */
const firstFieldText = (page: Page) =>
  page
    .locator('.ProseMirror')
    .first()
    .evaluate((field) => {
      const copy = field.cloneNode(true) as HTMLElement
      for (const cursor of copy.querySelectorAll('.ProseMirror-yjs-cursor')) cursor.remove()
      return copy.textContent
    })

const firstCardTop = (page: Page) =>
  page
    .locator('[data-field-card]')
    .first()
    .evaluate((card) => card.getBoundingClientRect().top)

e2e('the document page', () => {
  const session = browserSession()

  it('shows a version saved and approved in one browser in the other within a second, without reloading', async () => {
    const karin = await (await newPerson(session.browser, LAPTOP)).newPage()
    const { participantUrl } = await createWorkspaceInBrowser(karin, session.server.url)
    const documentUrl = await createDocumentInBrowser(karin, 'Överenskommelsens syfte')
    const aisha = await joinInBrowser(session.browser, participantUrl, 'Aisha Förening')
    // Her party marks her as its decision-maker (she may take its position on a version).
    await aisha.getByLabel('Aisha Förening är beslutsfattare').check()
    await aisha.getByText('Aisha Förening (du) · Föreningen Gemenskap · deltagare · beslutsfattare').waitFor()
    await aisha.goto(documentUrl)
    await aisha.getByRole('button', { name: 'Spara version' }).waitFor()

    await karin.getByLabel('Namn på versionen').fill('Utkast')
    await karin.getByRole('button', { name: 'Spara version' }).click()
    const onAisha = aisha.locator('li.version[data-version="1"]')
    await onAisha.waitFor({ timeout: 1_000 })

    // Someone of the association who is not its decision-maker is told so, and recommends instead.
    const bertil = await joinInBrowser(session.browser, participantUrl, 'Bertil Förening')
    await bertil.goto(documentUrl)
    const onBertil = bertil.locator('li.version[data-version="1"]')
    await onBertil.locator('[data-decision-makers-only]').waitFor()
    expect(await onBertil.getByRole('button', { name: /^Godkänn/ }).count()).toBe(0)
    await onBertil.getByRole('button', { name: 'Rekommendera att Föreningen Gemenskap godkänner' }).click()
    await karin
      .locator('li.version[data-version="1"] [data-recommended]')
      .getByText('Rekommenderas av Bertil Förening (Föreningen Gemenskap)')
      .waitFor({ timeout: 2_000 })
    await expectNoSeriousAxeViolations(bertil, 'a version for a member who is not a decision-maker')

    let clicked = Date.now()
    await onAisha.getByRole('button', { name: 'Godkänn för Föreningen Gemenskap' }).click()
    const onKarin = karin.locator('li.version[data-version="1"] [data-approved="true"]')
    await onKarin.waitFor({ timeout: 1_000 })
    const approvalSeenMs = Date.now() - clicked
    expect(await onKarin.innerText()).toContain('Aisha Förening')

    // A freeze reaches the other browser as fast (it always came over the connection).
    clicked = Date.now()
    await karin.getByRole('switch', { name: 'Fryst inför undertecknande' }).click()
    await aisha.locator('[data-frozen="true"]').waitFor({ timeout: 1_000 })
    console.info(
      `approval seen by the other party after ${approvalSeenMs} ms; freeze after ${Date.now() - clicked} ms`,
    )
  }, 60_000)

  it('opened by its link, loads its record and workspace once each, while its code is still on the way, draws the app with the first section in one frame, the rest after, the toolbars after that frame without moving a field, and the side panel after the fields', async () => {
    const page = await (await newPerson(session.browser, PHONE)).newPage()
    await createWorkspaceInBrowser(page, session.server.url)
    const documentUrl = await createDocumentInBrowser(page, 'Samarbetets syfte')
    const documentId = new URL(documentUrl).pathname.split('/').at(-1)!
    const workspaceId = new URL(documentUrl).pathname.split('/')[2]!
    const requested: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))
    // Which cards are on the page when the first field can be typed in, and when that is; and how many frames
    // showed the app's header without a card (a frame drawn before the page).
    await page.addInitScript(() => {
      const seen = {
        cards: null as string[] | null,
        at: 0,
        framesWithoutSheet: 0,
        // In the frame that first shows the field: its top, and how many toolbar buttons were drawn.
        fieldTop: null as number | null,
        tools: null as number | null,
        violations: [] as string[],
      }
      Object.assign(window, { firstFieldCards: seen })
      addEventListener('securitypolicyviolation', (event) =>
        seen.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      )
      const frame = () => {
        if (
          document.querySelector('.site-header') !== null &&
          document.querySelector('[data-field-card]') === null
        )
          seen.framesWithoutSheet += 1
        if (seen.cards === null) requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
      new MutationObserver(() => {
        if (seen.cards === null && document.querySelector('.ProseMirror[contenteditable="true"]') !== null) {
          seen.at = performance.now()
          seen.cards = [...document.querySelectorAll('[data-field-card]')].map((card) =>
            card.getAttribute('data-field-card'),
          ) as string[]
          requestAnimationFrame(() => {
            seen.fieldTop = document.querySelector('.ProseMirror')!.getBoundingClientRect().top
            seen.tools = document.querySelectorAll('[role="toolbar"] button').length
          })
        }
      }).observe(document, { subtree: true, childList: true, attributes: true })
    })
    // A fresh load of the page, as when a link is opened: the start-up preload and the page share one request.
    await page.goto(documentUrl)
    await page.locator('.ProseMirror[contenteditable="true"]').first().waitFor()
    const [first, ...later] = templates['dwa-1'].sections
    const idsOf = (sections: typeof later) =>
      sections.flatMap((section) => section.fields.map((field) => field.id))
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as { firstFieldCards: { cards: string[] } }).firstFieldCards.cards,
        ),
      )
      .toEqual(idsOf([first!]))
    // The first frame is the page: its header and sheet come together, with no "loading" frame before them.
    expect(
      await page.evaluate(
        () =>
          (window as unknown as { firstFieldCards: { framesWithoutSheet: number } }).firstFieldCards
            .framesWithoutSheet,
      ),
    ).toBe(0)
    expect(await page.getByText('Laddar…').count()).toBe(0)
    // The other sections follow at once.
    await page.locator(`[data-field-card="${idsOf(later).at(-1)}"]`).waitFor()
    // The toolbars' buttons come after the first frame, in the row kept for them: the field did not move.
    await page.locator('[role="toolbar"] button').first().waitFor()
    const firstFrame = await page.evaluate(
      () => (window as unknown as { firstFieldCards: { fieldTop: number; tools: number } }).firstFieldCards,
    )
    expect(firstFrame.tools).toBe(0)
    expect(
      await page
        .locator('.ProseMirror')
        .first()
        .evaluate((field) => field.getBoundingClientRect().top),
    ).toBe(firstFrame.fieldTop)
    expect(
      await page
        .locator('[data-field-card]')
        .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-field-card'))),
    ).toEqual(idsOf([first!, ...later]))
    // What the first field does not need is asked for only after it can be typed in: the language guide's
    // terms and its lexicon (2.4 MB), and the document's versions.
    const afterTheField = [/\/lexicon\//, /\/vocabulary$/, /\/versions$/]
    await expect
      .poll(() => afterTheField.every((pattern) => requested.some((path) => pattern.test(path))))
      .toBe(true)
    const timing = await page.evaluate(() => ({
      requests: performance.getEntriesByType('resource').map((entry) => ({
        path: new URL(entry.name).pathname,
        at: entry.startTime,
        by: (entry as PerformanceResourceTiming).initiatorType,
      })),
      editableAt: (window as unknown as { firstFieldCards: { at: number } }).firstFieldCards.at,
    }))
    for (const pattern of afterTheField) {
      const at = Math.min(
        ...timing.requests.filter((request) => pattern.test(request.path)).map((request) => request.at),
      )
      expect(at, String(pattern)).toBeGreaterThan(timing.editableAt)
    }
    await page.getByRole('tab', { name: 'Versioner' }).waitFor()
    // Both are named in the page's HTML, and the app's own requests take those answers.
    for (const path of [`/api/documents/${documentId}`, `/api/workspaces/${workspaceId}`])
      expect(timing.requests.filter((request) => request.path === path).map((request) => request.by)).toEqual(
        ['link'],
      )
    expect(requested.filter((path) => path === `/api/documents/${documentId}`)).toHaveLength(1)
    expect(requested.filter((path) => path === `/api/workspaces/${workspaceId}`)).toHaveLength(1)
    // The data was asked for before the page's editor code was requested to run, not after it.
    const dataAt = requested.indexOf(`/api/documents/${documentId}`)
    const panelAt = requested.findIndex((path) => /\/assets\/DocumentSidePanel-[^/]+\.js$/.test(path))
    expect(panelAt).toBeGreaterThan(dataAt)
    // Typing works at once.
    await page.locator('.ProseMirror').first().click()
    await page.keyboard.type('Trygghet')
    await expect.poll(() => page.locator('.ProseMirror').first().innerText()).toContain('Trygghet')
    // Nothing on the page tried what its security policy forbids (zod probing for eval, say).
    expect(
      await page.evaluate(
        () => (window as unknown as { firstFieldCards: { violations: string[] } }).firstFieldCards.violations,
      ),
    ).toEqual([])
  }, 60_000)

  it('on a slow connection draws the app and says it is loading within two seconds, then the sheet when its data arrives', async () => {
    const page = await (await newPerson(session.browser, PHONE)).newPage()
    await createWorkspaceInBrowser(page, session.server.url)
    const documentUrl = await createDocumentInBrowser(page, 'Samarbetets syfte')
    const documentId = new URL(documentUrl).pathname.split('/').at(-1)!
    const DATA_DELAY_MS = 4_000
    await page.route(`**/api/documents/${documentId}`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, DATA_DELAY_MS))
      await route.continue()
    })
    const opened = Date.now()
    await page.goto(documentUrl)
    // The first frame waits for the page's data only so long: then the app says it is loading.
    await page.getByText('Laddar…').waitFor({ timeout: 2_500 })
    const loadingShownMs = Date.now() - opened
    expect(loadingShownMs).toBeLessThan(DATA_DELAY_MS)
    await page.locator('.ProseMirror[contenteditable="true"]').first().waitFor({ timeout: 10_000 })
    expect(Date.now() - opened).toBeGreaterThanOrEqual(DATA_DELAY_MS)
    expect(await page.getByText('Laddar…').count()).toBe(0)
    console.info(`loading line after ${loadingShownMs} ms; the sheet after ${Date.now() - opened} ms`)
  }, 60_000)

  it('opened by its link on another device, is first drawn with the text already written, over one socket that asks for the document once', async () => {
    const karin = await (await newPerson(session.browser, LAPTOP)).newPage()
    const { participantUrl } = await createWorkspaceInBrowser(karin, session.server.url)
    const documentUrl = await createDocumentInBrowser(karin, 'Samarbetets syfte')
    await karin.locator('.ProseMirror').first().click()
    await karin.keyboard.type('Trygghet för äldre')
    await karin.getByText('Sparat').first().waitFor()
    const aisha = await joinInBrowser(session.browser, participantUrl, 'Aisha Förening')
    // The first field's text when it could first be typed in (a device that has never had the document).
    await aisha.addInitScript(() => {
      const seen = { text: null as string | null }
      Object.assign(window, { firstField: seen })
      new MutationObserver(() => {
        const field = document.querySelector('.ProseMirror[contenteditable="true"]')
        if (seen.text === null && field !== null) seen.text = field.textContent
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
    })
    const cdp = await aisha.context().newCDPSession(aisha)
    await cdp.send('Network.enable')
    const sockets: string[] = []
    const sent: number[][] = []
    cdp.on('Network.webSocketCreated', (event) => sockets.push(new URL(event.url).pathname))
    cdp.on('Network.webSocketFrameSent', (event) => {
      if (event.response.opcode === 2) sent.push([...Buffer.from(event.response.payloadData, 'base64')])
    })
    await aisha.goto(documentUrl)
    await aisha.locator('.ProseMirror[contenteditable="true"]').first().waitFor()
    // (Karin's cursor, with her name, may be drawn in it too.)
    expect(
      await aisha.evaluate(() => (window as unknown as { firstField: { text: string } }).firstField.text),
    ).toMatch(/^Trygghet för äldre/)
    await aisha.getByText('Sparat').first().waitFor()
    const documentId = new URL(documentUrl).pathname.split('/').at(-1)
    expect(sockets).toEqual([`/sync/${documentId}`])
    // One sync step 1 (message 0, step 0), with an empty state vector: the server sent the document once.
    const step1s = sent.filter((frame) => frame[0] === 0 && frame[1] === 0)
    expect(step1s).toEqual([[0, 0, 1, 0]])
    // It stays live: what the other device writes arrives, and it is hers to write in.
    await karin.locator('.ProseMirror').first().click()
    await karin.keyboard.press('Home')
    await karin.keyboard.type('Mer ')
    await expect.poll(() => firstFieldText(aisha)).toBe('Mer Trygghet för äldre')
    await aisha.locator('.ProseMirror').first().click()
    await aisha.keyboard.press('End')
    await aisha.keyboard.type(' i Järva')
    await expect.poll(() => firstFieldText(karin)).toBe('Mer Trygghet för äldre i Järva')
  }, 60_000)

  it('keeps a quiet header: one Exportera menu driven by keyboard, toggles that move nothing, and the bar in view while scrolling', async () => {
    const page = await (await newPerson(session.browser, LAPTOP)).newPage()
    await createWorkspaceInBrowser(page, session.server.url)
    await createDocumentInBrowser(page, 'Partnerskapets organisering')
    const bar = page.locator('[data-document-bar]')
    // Exports are one menu button; the header has at most five controls of its own.
    expect(await bar.locator('a[download]').count()).toBe(0)
    expect(await bar.locator('button, a').count()).toBeLessThanOrEqual(5)

    const menuButton = page.getByRole('button', { name: 'Exportera' })
    await menuButton.focus()
    await page.keyboard.press('Enter')
    const menu = page.getByRole('menu', { name: 'Exportera' })
    await menu.waitFor()
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'PDF' })
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toMatchObject({ text: 'DOCX (Word)' })
    await page.keyboard.press('ArrowDown')
    // No version yet: the filing bundle says what it needs instead of downloading nothing.
    expect(await focused(page)).toMatchObject({ text: 'Arkivpaket – spara en version först' })
    await page.keyboard.press('End')
    expect((await focused(page)).text).toContain('Fler format')
    await page.keyboard.press('Enter')
    expect(await focused(page)).toMatchObject({ text: 'PDF med språkguide' })
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual([
      'PDF',
      'DOCX (Word)',
      'Arkivpaket – spara en version först',
      expect.stringContaining('Fler format'),
      'PDF med språkguide',
      'Markdown',
      'HTML',
      'JSON',
    ])
    await expectNoSeriousAxeViolations(page, 'the document page with the Exportera menu open')
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toMatchObject({ text: 'Markdown' })
    const download = page.waitForEvent('download')
    await page.keyboard.press('Enter')
    expect((await download).suggestedFilename()).toMatch(/\.md$/)
    expect(await menu.count()).toBe(0)
    await page.keyboard.press('ArrowUp')
    expect((await focused(page)).text).toContain('Fler format')
    await page.keyboard.press('Escape')
    expect(await menu.count()).toBe(0)
    expect(await focused(page)).toMatchObject({ role: 'button', text: 'Exportera ▾' })

    // Colour by party is a toggle, and turning it on moves no card.
    const before = await firstCardTop(page)
    const colours = page.getByRole('switch', { name: 'Färga efter part' })
    await colours.click()
    await page.getByRole('list', { name: 'Vem skrev vad' }).waitFor()
    expect(await colours.getAttribute('aria-checked')).toBe('true')
    expect(await firstCardTop(page)).toBe(before)
    await expectNoSeriousAxeViolations(page, 'the document page coloured by party')
    await colours.click()
    expect(await firstCardTop(page)).toBe(before)

    // Scrolled to the end of the sheet, the save status and the actions are still at the top of the window.
    await page.locator('[data-field-card]').last().scrollIntoViewIfNeeded()
    const barBox = await bar.boundingBox()
    expect(barBox?.y).toBe(0)
    expect(await bar.getByRole('status').first().isVisible()).toBe(true)
  }, 60_000)

  it('moves card to card with Tab (the fifth card in five presses), and the editor toolbar is one stop with arrow keys', async () => {
    const page = await (await newPerson(session.browser, LAPTOP)).newPage()
    await createWorkspaceInBrowser(page, session.server.url)
    await createDocumentInBrowser(page, 'Tangentbordet')
    // The sections after the first are drawn a task later.
    await page.locator('[data-field-card]').nth(4).waitFor()
    const cards = await page
      .locator('[data-field-card]')
      .evaluateAll((all) => all.map((card) => card.getAttribute('data-field-card')))
    expect(cards.length).toBeGreaterThanOrEqual(5)
    // From the last control before the sheet, each Tab lands on the next card.
    await page.getByRole('button', { name: 'Storskärmsläge' }).focus()
    const landed: (string | null)[] = []
    for (let press = 0; press < 5; press++) {
      await page.keyboard.press('Tab')
      landed.push((await focused(page)).card)
    }
    expect(landed).toEqual(cards.slice(0, 5))
    // Shift+Tab goes back one card at a time.
    await page.keyboard.press('Shift+Tab')
    expect((await focused(page)).card).toBe(cards[3])

    // Enter writes; Shift+Tab from the editor reaches the toolbar as one stop, whose buttons follow the language.
    await page.keyboard.press('Enter')
    expect((await focused(page)).role).toBe('textbox')
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toMatchObject({ text: 'FFetstil' })
    await page.keyboard.press('ArrowRight')
    expect(await focused(page)).toMatchObject({ text: 'KKursiv' })
    await page.keyboard.press('End')
    expect(await focused(page)).toMatchObject({ text: '↷Gör om' })
    await page.keyboard.press('ArrowRight')
    expect(await focused(page)).toMatchObject({ text: 'FFetstil' })
    // One more Shift+Tab leaves the toolbar altogether (no stop per button).
    await page.keyboard.press('Shift+Tab')
    expect((await focused(page)).role).not.toBe('button')
    // In English the letters are B, I and H.
    await page.getByRole('button', { name: 'In English' }).click()
    // The English catalog is fetched the first time someone chooses it.
    await page.getByRole('button', { name: 'På svenska' }).waitFor()
    const toolbar = page.getByRole('toolbar').first()
    expect(await toolbar.locator('[aria-hidden="true"]').allInnerTexts()).toEqual(
      expect.arrayContaining(['B', 'I', 'H']),
    )

    // "Spara version" is reached in a number of Tabs that grows with the cards, not with their controls.
    await page.getByRole('button', { name: 'På svenska' }).click()
    await page.goto(page.url())
    await page.locator('[data-field-card]').first().waitFor()
    let presses = 0
    while (presses < 60 && (await focused(page)).text !== 'Spara version') {
      await page.keyboard.press('Tab')
      presses++
    }
    console.info(`Tabs from the top of the page to "Spara version": ${presses} (${cards.length} cards)`)
    expect(presses).toBeLessThanOrEqual(cards.length + 16)
    await expectNoSeriousAxeViolations(page, 'the document page, keyboard')
  }, 60_000)

  it('names a party that has no name yet by its kind where the creator says which party they represent', async () => {
    const page = await (await newPerson(session.browser, PHONE)).newPage()
    await page.goto(session.server.url)
    const options = () => page.getByLabel('Du företräder').locator('option').allInnerTexts()
    await expect
      .poll(options)
      .toEqual(['Offentlig part 1 (inget namn ännu)', 'Idéburen part 2 (inget namn ännu)'])
    await page.locator('#party-1').fill('Föreningen Gemenskap')
    await expect.poll(options).toEqual(['Offentlig part 1 (inget namn ännu)', 'Föreningen Gemenskap'])
  })

  it('wraps the header on a phone: presence pills and actions fit 390 px without sideways scrolling', async () => {
    const karin = await (await newPerson(session.browser, PHONE)).newPage()
    const { participantUrl } = await createWorkspaceInBrowser(karin, session.server.url)
    const documentUrl = await createDocumentInBrowser(karin, 'På telefonen')
    for (const name of ['Aisha Förening', 'Bertil Långnamnsson-Karlsson']) {
      const other = await joinInBrowser(session.browser, participantUrl, name)
      await other.goto(documentUrl)
    }
    await expect.poll(() => karin.locator('.document-bar [data-peer]').count(), { timeout: 10_000 }).toBe(2)
    const overflow = await karin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    for (const pill of await karin.locator('.document-bar [data-peer]').all()) {
      const box = await pill.boundingBox()
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= PHONE.width).toBe(true)
    }
    await expectNoSeriousAxeViolations(karin, 'the document page on a phone')
  }, 60_000)
})
