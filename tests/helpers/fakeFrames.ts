import { vi } from 'vitest'

/**
 * A browser's frames, as fake timers for code that waits for one (`afterNextFrame`): a frame every 16 ms, its
 * callbacks run together, then the frame is produced. `vi.advanceTimersByTime` moves time on; `restoreFrames`
 * undoes it.
 */
export const useFakeFrames = (): void => {
  vi.useFakeTimers()
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
    setTimeout(() => callback(performance.now()), 16),
  )
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => clearTimeout(handle))
}

export const restoreFrames = (): void => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
}
