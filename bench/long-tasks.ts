// `tsx bench/long-tasks.ts profile.cpuprofile [minMs]`: the stretches a V8 CPU profile spent busy without a
// break longer than `minMs` (default 20) — the stalls a client sees as a late delivery — each with when it
// happened and the functions with the most self time in it, to find what stalls a server periodically.
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface Profile {
  nodes: ProfileNode[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

const [file, minArg = '20'] = process.argv.slice(2)
if (file === undefined) throw new Error('usage: long-tasks.ts <file.cpuprofile> [minMs]')
const minMs = Number(minArg)
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const nameOf = (id: number): string => {
  const frame = byId.get(id)?.callFrame
  if (frame === undefined) return '?'
  const where = frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/main\//, '')
  return `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`
}

interface Task {
  startMs: number
  durationMs: number
  self: Map<string, number>
}
const tasks: Task[] = []
let current: Task | null = null
let at = 0
profile.samples.forEach((id, i) => {
  const delta = (profile.timeDeltas[i] ?? 0) / 1000
  at += delta
  const name = nameOf(id)
  if (name.startsWith('(idle)')) {
    if (current !== null && current.durationMs >= minMs) tasks.push(current)
    current = null
    return
  }
  current ??= { startMs: at, durationMs: 0, self: new Map() }
  current.durationMs += delta
  current.self.set(name, (current.self.get(name) ?? 0) + delta)
})

console.log(`${tasks.length} busy stretches of ${minMs} ms or more in ${Math.round(at / 1000)} s`)
for (const task of tasks.sort((a, b) => b.durationMs - a.durationMs).slice(0, 15)) {
  const top = [...task.self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, ms]) => `${ms.toFixed(1)} ms ${name}`)
  console.log(
    `at ${(task.startMs / 1000).toFixed(1)} s: ${task.durationMs.toFixed(1)} ms\n    ${top.join('\n    ')}`,
  )
}
