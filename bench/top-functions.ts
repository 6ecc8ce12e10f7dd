// `tsx bench/top-functions.ts profile.cpuprofile [n]`: the functions with the most self time in a V8 CPU
// profile, to see where the server spends a benchmark.
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const [file, count = '25'] = process.argv.slice(2)
if (file === undefined) throw new Error('usage: top-functions.ts <file.cpuprofile> [n]')
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const self = new Map<string, number>()
let total = 0
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0
  const frame = byId.get(id)?.callFrame
  if (frame === undefined) return
  const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/main\//, '')}:${frame.lineNumber + 1}`
  self.set(key, (self.get(key) ?? 0) + delta)
  total += delta
})
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(count))
for (const [key, micros] of rows) console.log(`${((micros / total) * 100).toFixed(1).padStart(5)}%  ${key}`)
