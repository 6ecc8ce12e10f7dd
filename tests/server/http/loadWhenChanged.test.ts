import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadWhenChanged } from '../../../server/http/loadWhenChanged'

describe('loadWhenChanged', () => {
  it('loads a file once, again when it changes, and answers null while it is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'load-when-changed-'))
    const file = join(dir, 'index.html')
    const loads: string[] = []
    const read = loadWhenChanged(file, (path) => {
      loads.push(path)
      return `loaded ${loads.length}`
    })
    try {
      expect(read()).toBeNull()
      writeFileSync(file, 'a')
      expect(read()).toBe('loaded 1')
      expect(read()).toBe('loaded 1')
      expect(loads).toHaveLength(1)
      // A new build: another modification time.
      writeFileSync(file, 'b')
      utimesSync(file, new Date(), new Date(Date.now() + 5_000))
      expect(read()).toBe('loaded 2')
      rmSync(file)
      expect(read()).toBeNull()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
