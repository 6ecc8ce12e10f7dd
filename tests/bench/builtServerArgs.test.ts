import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtServerArgs } from '../../bench/builtServerArgs'

describe('builtServerArgs', () => {
  it('gives the bench the Node arguments npm start runs the built server with, V8 flags included', () => {
    const args = builtServerArgs(readFileSync('package.json', 'utf8'))
    expect(args.at(-1)).toBe('dist/server/main.mjs')
    expect(args).toContain('--max-semi-space-size=1')
  })

  it('refuses a start:built script that does not run node, naming the script', () => {
    expect(() =>
      builtServerArgs(JSON.stringify({ scripts: { 'start:built': 'tsx server/main.ts' } })),
    ).toThrow(/start:built/)
    expect(() => builtServerArgs(JSON.stringify({ scripts: {} }))).toThrow(/start:built/)
  })
})
