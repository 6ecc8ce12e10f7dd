/** What the keyboard can land on, in the order the browser would; tabindex -1 and hidden elements are skipped. */
const CANDIDATES =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex], [contenteditable="true"]'

const tabbable = (element: HTMLElement): boolean =>
  element.tabIndex >= 0 && !element.closest('[hidden], [inert]') && element.getClientRects().length > 0

/** The first element after `element` and everything inside it that Tab would reach, if any. */
const firstTabbableAfter = (element: HTMLElement): HTMLElement | null => {
  for (const candidate of document.querySelectorAll<HTMLElement>(CANDIDATES)) {
    if (element.contains(candidate)) continue
    if (!(element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING)) continue
    if (tabbable(candidate)) return candidate
  }
  return null
}

/**
 * Keyboard for a sheet of cards (UX.md: "Tab moves card to card"): on a card itself, Tab and Shift+Tab go to
 * the next and previous card rather than into its controls, and Enter goes into the card's editor. From
 * inside a card, Tab leaves for the next card in the ordinary way, since that card is the next stop; Escape
 * in an editor comes back to its card (the editor's own keymap does that).
 * Returns true when it handled the key.
 */
export const handleCardKey = (event: KeyboardEvent, card: HTMLElement, cardSelector: string): boolean => {
  if (event.target !== card || event.altKey || event.ctrlKey || event.metaKey) return false
  if (event.key === 'Enter') {
    const editor = card.querySelector<HTMLElement>(
      '[contenteditable="true"], input:not([disabled]), textarea:not([disabled]), select:not([disabled])',
    )
    if (editor === null) return false
    event.preventDefault()
    editor.focus()
    return true
  }
  if (event.key !== 'Tab') return false
  const cards = [
    ...(card.parentElement?.closest('.sheet') ?? document).querySelectorAll<HTMLElement>(cardSelector),
  ]
  const at = cards.indexOf(card)
  if (event.shiftKey) {
    const previous = cards[at - 1]
    if (previous === undefined) return false // the browser's own Shift+Tab leaves the sheet upwards
    event.preventDefault()
    previous.focus()
    return true
  }
  const next = cards[at + 1] ?? firstTabbableAfter(cards.at(-1) ?? card)
  if (next === null) return false
  event.preventDefault()
  next.focus()
  return true
}
