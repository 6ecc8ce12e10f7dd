import type * as Y from 'yjs'

const LOCAL = Symbol('text input')

/**
 * Binds a plain `<input>`/`<textarea>` to a Y.Text: typing becomes the smallest insert/delete; changes by
 * others update the field and move the caret by what was inserted or deleted before it, so typing never
 * moves anyone's cursor. Returns the unbinding function.
 */
export const bindTextInput = (
  element: HTMLInputElement | HTMLTextAreaElement,
  text: Y.Text,
): (() => void) => {
  let known = text.toString()
  element.value = known

  const onInput = () => {
    const next = element.value
    let start = 0
    while (start < known.length && start < next.length && known[start] === next[start]) start++
    let endKnown = known.length
    let endNext = next.length
    while (endKnown > start && endNext > start && known[endKnown - 1] === next[endNext - 1]) {
      endKnown--
      endNext--
    }
    text.doc?.transact(() => {
      if (endKnown > start) text.delete(start, endKnown - start)
      if (endNext > start) text.insert(start, next.slice(start, endNext))
    }, LOCAL)
    known = next
  }

  const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL) return
    const focused = document.activeElement === element
    let selectionStart = element.selectionStart ?? 0
    let selectionEnd = element.selectionEnd ?? 0
    let index = 0
    for (const op of event.delta) {
      if (op.retain !== undefined) index += op.retain
      else if (typeof op.insert === 'string') {
        if (index < selectionStart) selectionStart += op.insert.length
        if (index < selectionEnd) selectionEnd += op.insert.length
        index += op.insert.length
      } else if (op.delete !== undefined) {
        if (index < selectionStart) selectionStart -= Math.min(op.delete, selectionStart - index)
        if (index < selectionEnd) selectionEnd -= Math.min(op.delete, selectionEnd - index)
      }
    }
    known = text.toString()
    element.value = known
    if (focused) element.setSelectionRange(selectionStart, selectionEnd)
  }

  element.addEventListener('input', onInput)
  text.observe(onChange)
  return () => {
    element.removeEventListener('input', onInput)
    text.unobserve(onChange)
  }
}
