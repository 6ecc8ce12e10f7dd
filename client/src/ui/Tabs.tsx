import { createSignal, For, type JSX } from 'solid-js'

export interface Tab {
  readonly id: string
  readonly label: string
  readonly content: () => JSX.Element
}

/**
 * WAI-ARIA tabs: one tab stop, arrow keys and Home/End move between tabs, the panel follows. Only the
 * chosen panel is rendered, so a hidden panel does no work (no polling, no listeners).
 */
export const Tabs = (props: {
  readonly label: string
  readonly idPrefix: string
  readonly tabs: readonly Tab[]
}) => {
  const [selected, setSelected] = createSignal(0)
  const buttons: HTMLButtonElement[] = []
  const select = (index: number) => {
    const count = props.tabs.length
    const next = ((index % count) + count) % count
    setSelected(next)
    buttons[next]?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, () => number> = {
      ArrowRight: () => selected() + 1,
      ArrowLeft: () => selected() - 1,
      Home: () => 0,
      End: () => props.tabs.length - 1,
    }
    const move = moves[event.key]
    if (move === undefined) return
    event.preventDefault()
    select(move())
  }
  const current = () => props.tabs[selected()] ?? props.tabs[0]
  return (
    <div class="tabs">
      <div role="tablist" aria-label={props.label} class="tablist" onKeyDown={onKeyDown}>
        <For each={props.tabs}>
          {(tab, index) => (
            <button
              ref={(element) => {
                buttons[index()] = element
              }}
              type="button"
              role="tab"
              id={`${props.idPrefix}-tab-${tab.id}`}
              aria-selected={selected() === index()}
              aria-controls={`${props.idPrefix}-panel`}
              tabIndex={selected() === index() ? 0 : -1}
              class="tab"
              onClick={() => setSelected(index())}
            >
              {tab.label}
            </button>
          )}
        </For>
      </div>
      <div
        role="tabpanel"
        id={`${props.idPrefix}-panel`}
        aria-labelledby={`${props.idPrefix}-tab-${current()?.id ?? ''}`}
        class="tabpanel"
      >
        {current()?.content()}
      </div>
    </div>
  )
}
