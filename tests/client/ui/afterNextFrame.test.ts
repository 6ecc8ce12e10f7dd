import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { afterNextFrame } from '../../../client/src/ui/afterNextFrame'
import { restoreFrames, useFakeFrames } from '../../helpers/fakeFrames'

describe('afterNextFrame', () => {
  beforeEach(useFakeFrames)
  afterEach(restoreFrames)

  it('runs the task in a task of its own after the next frame, not in it', () => {
    const order: string[] = []
    afterNextFrame(() => order.push('task'))
    requestAnimationFrame(() => order.push('frame'))
    vi.advanceTimersByTime(15)
    expect(order).toEqual([])
    vi.advanceTimersByTime(1)
    // Both frame callbacks ran in the frame; the task only after it.
    expect(order).toEqual(['frame'])
    vi.advanceTimersByTime(1)
    expect(order).toEqual(['frame', 'task'])
  })

  it('does not run a task cancelled before the frame, or after it', () => {
    const task = vi.fn()
    afterNextFrame(task)()
    const cancelLater = afterNextFrame(task)
    vi.advanceTimersByTime(16)
    cancelLater()
    vi.advanceTimersByTime(100)
    expect(task).not.toHaveBeenCalled()
  })
})
