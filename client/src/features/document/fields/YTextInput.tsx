import { onCleanup, onMount } from 'solid-js'
import type * as Y from 'yjs'
import { bindTextInput } from '../../../model/bindTextInput'

/** A text box whose content is a Y.Text, co-edited character by character (see bindTextInput). */
export const YTextInput = (props: {
  readonly text: Y.Text
  readonly id?: string
  readonly label?: string
  readonly labelledBy?: string
  readonly multiline?: boolean
  readonly readOnly: boolean
  readonly onFocus?: () => void
}) => {
  let element!: HTMLInputElement | HTMLTextAreaElement
  onMount(() => {
    const unbind = bindTextInput(element, props.text)
    onCleanup(unbind)
  })
  const common = () => ({
    id: props.id,
    readOnly: props.readOnly,
    'aria-label': props.label,
    'aria-labelledby': props.labelledBy,
    onFocus: () => props.onFocus?.(),
  })
  return props.multiline ? (
    <textarea ref={(el) => (element = el)} rows={2} {...common()} />
  ) : (
    <input ref={(el) => (element = el)} {...common()} />
  )
}

/** A short random id for a new list item or row (unique enough that concurrent additions never collide). */
export const newItemId = (): string => crypto.randomUUID().replaceAll('-', '').slice(0, 12)
