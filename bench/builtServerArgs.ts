import { readFileSync } from 'node:fs'
import { z } from 'zod'

const PackageScripts = z.object({
  scripts: z.object({ 'start:built': z.string().regex(/^node\s/, 'must start with "node "') }),
})

/**
 * The Node arguments `npm start` runs the built server with (its `start:built` script without the leading
 * `node`), so the bench measures the server exactly as it is started, V8 flags included.
 */
export const builtServerArgs = (packageJson: string): string[] => {
  const { scripts } = PackageScripts.parse(JSON.parse(packageJson))
  return scripts['start:built'].split(/\s+/).filter(Boolean).slice(1)
}

export const readBuiltServerArgs = (): string[] => builtServerArgs(readFileSync('package.json', 'utf8'))
