import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const TOP_FOLDERS = ['server', 'client', 'shared', 'tests', 'bench']

const markdownFiles = (): string[] => [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  ...TOP_FOLDERS.map((folder) => `${folder}/CONTEXT.md`),
]

/** Every file under a folder, relative to the repository root. */
const filesUnder = (folder: string): string[] =>
  readdirSync(join(root, folder)).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return []
    const path = join(folder, name)
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : [path]
  })

/** `[text](target)` links to files of this repository (not web addresses, not in-page anchors). */
const brokenLinks = (file: string): string[] => {
  const text = readFileSync(join(root, file), 'utf8')
  const broken: string[] = []
  for (const match of text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
    const target = match[1]!
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue
    const path = resolve(dirname(join(root, file)), target.split('#')[0]!)
    if (!existsSync(path)) broken.push(`${file} → ${target}`)
  }
  return broken
}

/**
 * Source files a CONTEXT.md names (`Room.ts`, `sync/Room.ts`, `app/App.tsx`) must exist in its folder: by
 * path from the folder or the repository, or as the end of a path somewhere below the folder.
 */
const missingNames = (folder: string): string[] => {
  const text = readFileSync(join(root, folder, 'CONTEXT.md'), 'utf8')
  const below = filesUnder(folder)
  const missing: string[] = []
  for (const match of text.matchAll(/(?<![\w./*-])((?:[\w-]+\/)*[\w.-]+\.(?:tsx?|css|md))\b/g)) {
    const name = match[1]!
    if (name === 'CONTEXT.md') continue
    const found =
      existsSync(join(root, folder, name)) ||
      existsSync(join(root, name)) ||
      below.some((path) => path.endsWith(`/${name}`))
    if (!found) missing.push(`${folder}/CONTEXT.md names ${name}`)
  }
  return missing
}

/** Folders directly under a top-level folder (and under client/src) that its CONTEXT.md never mentions. */
const undescribedFolders = (folder: string): string[] => {
  const text = readFileSync(join(root, folder, 'CONTEXT.md'), 'utf8')
  const base = folder === 'client' ? 'client/src' : folder
  return readdirSync(join(root, base))
    .filter(
      (name) => name !== 'node_modules' && name !== 'dist' && statSync(join(root, base, name)).isDirectory(),
    )
    .filter((name) => !text.includes(`${name}/`))
    .map((name) => `${relative(root, join(root, base, name))}/ is not described in ${folder}/CONTEXT.md`)
}

describe('docs', () => {
  it('keeps the README short enough for a newcomer to read (at most 10 KB)', () => {
    expect(statSync(join(root, 'README.md')).size).toBeLessThanOrEqual(10 * 1024)
  })

  it('links only to files that exist, in the README, docs/ and every CONTEXT.md', () => {
    expect(markdownFiles().flatMap(brokenLinks)).toEqual([])
  })

  it('names only files that exist in each CONTEXT.md', () => {
    expect(TOP_FOLDERS.flatMap(missingNames)).toEqual([])
  })

  it('describes every folder of each top-level folder in its CONTEXT.md', () => {
    expect(TOP_FOLDERS.flatMap(undescribedFolders)).toEqual([])
  })
})
