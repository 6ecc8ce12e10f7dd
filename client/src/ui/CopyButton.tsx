import { createSignal } from 'solid-js'

/** Copies `text`; says so in words (a live region), not only with a changed icon. */
export const CopyButton = (props: {
  readonly text: string
  readonly label: string
  readonly copiedLabel: string
  readonly describedBy?: string
}) => {
  const [copied, setCopied] = createSignal(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text)
    } catch {
      // Without clipboard access (plain http on a LAN), select the text for a manual copy instead.
      const input = document.createElement('textarea')
      input.value = props.text
      document.body.append(input)
      input.select()
      document.execCommand('copy')
      input.remove()
    }
    setCopied(true)
    setTimeout(() => setCopied(false), 2_000)
  }
  return (
    <button type="button" class="button" onClick={() => void copy()} aria-describedby={props.describedBy}>
      {props.label}
      <span role="status" class="copied">
        {copied() ? ` ✓ ${props.copiedLabel}` : ''}
      </span>
    </button>
  )
}
