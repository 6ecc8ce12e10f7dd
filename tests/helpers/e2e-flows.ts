import type { Browser, Page } from 'playwright-core'
import { newPerson } from './browser'

/** Creates a workspace through the start page; returns the invite links shown afterwards. */
export const createWorkspaceInBrowser = async (
  page: Page,
  baseUrl: string,
): Promise<{ facilitatorUrl: string; participantUrl: string; viewerUrl: string }> => {
  await page.goto(baseUrl)
  await page.getByLabel('Partnerskapets namn').fill('Mötesplats Järva')
  await page.getByLabel('Samhällsutmaningen').fill('Ensamhet bland äldre')
  await page.locator('#party-0').fill('Spånga-Tensta stadsdelsförvaltning')
  await page.locator('#party-1').fill('Föreningen Gemenskap')
  await page.getByLabel('Ditt namn').fill('Karin Kommun')
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click()
  await page.getByRole('heading', { name: 'Bjud in' }).waitFor()
  const link = (role: string) => page.locator(`[data-invite-role="${role}"]`).inputValue()
  return {
    facilitatorUrl: await link('facilitator'),
    participantUrl: await link('participant'),
    viewerUrl: await link('viewer'),
  }
}

/** From the invite page: into the workspace, create a document, and return its URL. */
export const createDocumentInBrowser = async (page: Page, title: string): Promise<string> => {
  await page.getByRole('button', { name: 'Till arbetsytan' }).click()
  await page.getByRole('heading', { name: 'Mötesplats Järva' }).waitFor()
  await page.getByLabel('Titel').fill(title)
  await page.getByRole('button', { name: 'Skapa dokument' }).click()
  await page.getByRole('heading', { name: title }).waitFor()
  return page.url()
}

/** A second person joins through an invite link, as a member of the non-profit party. */
export const joinInBrowser = async (browser: Browser, inviteUrl: string, name: string): Promise<Page> => {
  const page = await (await newPerson(browser)).newPage()
  await page.goto(inviteUrl)
  await page.getByLabel('Ditt namn').fill(name)
  await page.getByLabel(/Föreningen Gemenskap/).check()
  await page.getByRole('button', { name: 'Fortsätt' }).click()
  await page.waitForURL(/\/w\/[0-9a-f]{32}/)
  return page
}

/** The text of a rich-text field without other people's cursor widgets (they sit inside the text). */
export const fieldText = (page: Page, fieldId: string): Promise<string> =>
  page.locator(`[data-field="${fieldId}"]`).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    for (const cursor of copy.querySelectorAll('.ProseMirror-yjs-cursor')) cursor.remove()
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
  })
