/**
 * Runs `task` just after the next frame has been produced, in a task of its own: work that would otherwise
 * delay the paint of what someone just did (a keystroke) waits until that is on the screen. Returns a function
 * that cancels it.
 */
export const afterNextFrame = (task: () => void): (() => void) => {
  let timer: ReturnType<typeof setTimeout> | null = null
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    if (timer !== null) clearTimeout(timer)
  }
}
