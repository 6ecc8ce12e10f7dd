import { describe, expect, it } from 'vitest'
import { mountInTurn } from '../../../client/src/editor/mountInTurn'

/** Resolves after the tasks queued so far (and the one each of them queues) have run. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** Waits until nothing is mounting any more, so each test starts with an idle queue. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await nextTask()
}

describe('mountInTurn', () => {
  it('mounts the first editor at once and each later one in a task of its own, in order', async () => {
    await settle()
    const mounted: string[] = []
    for (const name of ['first', 'second', 'third']) mountInTurn(() => mounted.push(name))
    expect(mounted).toEqual(['first'])
    await nextTask()
    expect(mounted).toEqual(['first', 'second'])
    await nextTask()
    expect(mounted).toEqual(['first', 'second', 'third'])
  })

  it('skips an editor whose field went away before its turn', async () => {
    await settle()
    const mounted: string[] = []
    mountInTurn(() => mounted.push('first'))
    const cancel = mountInTurn(() => mounted.push('gone'))
    mountInTurn(() => mounted.push('third'))
    cancel()
    await settle()
    expect(mounted).toEqual(['first', 'third'])
  })

  it('mounts at once again once the queue has drained', async () => {
    await settle()
    const mounted: string[] = []
    mountInTurn(() => mounted.push('a'))
    mountInTurn(() => mounted.push('b'))
    await settle()
    mountInTurn(() => mounted.push('later'))
    expect(mounted).toEqual(['a', 'b', 'later'])
  })

  it('keeps mounting the others when the first editor throws', async () => {
    await settle()
    const mounted: string[] = []
    expect(() =>
      mountInTurn(() => {
        throw new Error('broken field')
      }),
    ).toThrow('broken field')
    mountInTurn(() => mounted.push('next'))
    await settle()
    expect(mounted).toEqual(['next'])
  })
})
