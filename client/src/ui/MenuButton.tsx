import { createSignal, createUniqueId, For, type JSX, onCleanup, Show } from 'solid-js'

export interface MenuLink {
  readonly label: string
  /** A download; absent for an item that cannot be used yet, which then says why in `label`. */
  readonly href?: string
}

/**
 * A menu button (the WAI-ARIA menu-button pattern) of download links: Enter, Space or ArrowDown opens it on
 * the first item, ArrowUp on the last; arrows, Home and End move; Escape closes it and returns to the button;
 * Tab or a click elsewhere closes it. `more` is a group shown inside the menu when its item is chosen
 * (ArrowRight or Enter), so the common formats come first and the rest stay one step away.
 */
export const MenuButton = (props: {
  readonly label: string
  readonly items: readonly MenuLink[]
  readonly more?: { readonly label: string; readonly items: readonly MenuLink[] }
}) => {
  const id = createUniqueId()
  const [open, setOpen] = createSignal(false)
  const [moreOpen, setMoreOpen] = createSignal(false)
  let button!: HTMLButtonElement
  let menu: HTMLDivElement | undefined
  const entries = () => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
  const focusEntry = (index: number) => {
    const all = entries()
    all[(index + all.length) % all.length]?.focus()
  }
  const show = (at: 'first' | 'last') => {
    setOpen(true)
    queueMicrotask(() => focusEntry(at === 'first' ? 0 : -1))
  }
  const close = (returnFocus: boolean) => {
    setOpen(false)
    setMoreOpen(false)
    if (returnFocus) button.focus()
  }
  const onOutside = (event: PointerEvent) => {
    if (open() && !button.contains(event.target as Node) && !menu?.contains(event.target as Node))
      close(false)
  }
  document.addEventListener('pointerdown', onOutside)
  onCleanup(() => document.removeEventListener('pointerdown', onOutside))

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      show('first')
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      show('last')
    }
  }
  const openMore = () => {
    const before = entries().length
    setMoreOpen(true)
    queueMicrotask(() => focusEntry(before))
  }
  const onMenuKey = (event: KeyboardEvent) => {
    const all = entries()
    const at = all.indexOf(document.activeElement as HTMLElement)
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusEntry(at + 1),
      ArrowUp: () => focusEntry(at - 1),
      Home: () => focusEntry(0),
      End: () => focusEntry(-1),
      Escape: () => close(true),
    }
    if (event.key === 'Tab') return close(false)
    const isMore = (document.activeElement as HTMLElement | null)?.dataset.more === 'true'
    if (isMore && (event.key === 'ArrowRight' || event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      return openMore()
    }
    if (event.key === ' ' && document.activeElement instanceof HTMLAnchorElement) {
      event.preventDefault()
      return document.activeElement.click()
    }
    const move = moves[event.key]
    if (move === undefined) return
    event.preventDefault()
    move()
  }
  const item = (link: MenuLink): JSX.Element =>
    link.href === undefined ? (
      <span role="menuitem" tabIndex={-1} aria-disabled="true" class="menu-item">
        {link.label}
      </span>
    ) : (
      <a
        role="menuitem"
        tabIndex={-1}
        class="menu-item"
        href={link.href}
        download=""
        onClick={() => close(true)}
      >
        {link.label}
      </a>
    )

  return (
    <div class="menu-button">
      <button
        ref={button}
        type="button"
        class="button"
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-controls={id}
        onClick={() => (open() ? close(false) : show('first'))}
        onKeyDown={onButtonKey}
      >
        {props.label} <span aria-hidden="true">▾</span>
      </button>
      <Show when={open()}>
        <div ref={menu} id={id} role="menu" aria-label={props.label} class="menu" onKeyDown={onMenuKey}>
          <For each={props.items}>{item}</For>
          <Show when={props.more}>
            {(more) => (
              <>
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  class="menu-item"
                  aria-haspopup="true"
                  aria-expanded={moreOpen()}
                  data-more="true"
                  onClick={openMore}
                >
                  {more().label} <span aria-hidden="true">{moreOpen() ? '▴' : '▸'}</span>
                </button>
                <Show when={moreOpen()}>
                  <div class="menu-more">
                    <For each={more().items}>{item}</For>
                  </div>
                </Show>
              </>
            )}
          </Show>
        </div>
      </Show>
    </div>
  )
}
