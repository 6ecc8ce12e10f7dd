import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchRecord } from './run'
import type { ServerKind } from './servers'
import { median, round } from './stats'

const OURS: ServerKind = 'samverkstad'
const REFERENCES: ServerKind[] = ['y-websocket-server', 'hocuspocus']
/** Shown beside the others where it ran, never a reference (bench/floor-server.ts). */
const FLOOR: ServerKind = 'floor'

/** Metrics shown per scenario; `higher` marks those where more is better. */
const SHOWN: Record<string, Array<{ metric: string; higher?: boolean }>> = {
  S1a: [
    { metric: 'serverCpuPct' },
    { metric: 'serverKernelCpuPct' },
    { metric: 'p50Ms' },
    { metric: 'p95Ms' },
    { metric: 'p99Ms' },
    { metric: 'maxMs' },
    { metric: 'deliveriesPerSec', higher: true },
    { metric: 'peakRssMiB' },
    { metric: 'generatorCpuPct' },
    { metric: 'generatorStallMaxMs' },
  ],
  S2: [
    { metric: 'rssPerRoomKiB' },
    { metric: 'rssPerRoomConnectedKiB' },
    { metric: 'p50Ms' },
    { metric: 'p99Ms' },
    { metric: 'serverCpuPct' },
  ],
  S3: [
    { metric: 'coldLoadMs' },
    { metric: 'lostChars' },
    { metric: 'documentChars', higher: true },
    { metric: 'peakRssMiB' },
  ],
  S4: [
    { metric: 'allSyncedAfterLastJoinMs' },
    { metric: 'allSyncedMs' },
    { metric: 'joinP50Ms' },
    { metric: 'joinP99Ms' },
    { metric: 'serverCpuPct' },
    { metric: 'generatorCpuPct' },
    { metric: 'generatorStallMaxMs' },
    { metric: 'generatorGcMaxMs' },
  ],
}
SHOWN.S1b = SHOWN.S1a!
SHOWN.S5 = SHOWN.S1a!
SHOWN['S2-dwa1'] = SHOWN.S2!

const cell = (records: BenchRecord[], server: ServerKind, scenario: string, metric: string): number =>
  median(
    records
      .filter((r) => r.server === server && r.scenario === scenario)
      .map((r) => r.metrics[metric] ?? Number.NaN),
  )

const format = (value: number): string => (Number.isFinite(value) ? String(round(value, 1)) : '—')

/** The medians as Markdown tables, each Samverkstad figure with its ratio to the best reference. */
export const renderTables = (records: BenchRecord[]): string => {
  const compared = [OURS, ...REFERENCES].filter((s) => records.some((r) => r.server === s))
  const lines: string[] = []
  for (const scenario of ['S1a', 'S1b', 'S2', 'S2-dwa1', 'S3', 'S4', 'S5']) {
    const metrics = SHOWN[scenario]!
    if (!records.some((r) => r.scenario === scenario)) continue
    const servers = records.some((r) => r.server === FLOOR && r.scenario === scenario)
      ? [...compared, FLOOR]
      : compared
    const runs = Math.max(
      ...servers.map((s) => records.filter((r) => r.server === s && r.scenario === scenario).length),
    )
    lines.push(`### ${scenario} (median of ${runs} run${runs === 1 ? '' : 's'})`, '')
    lines.push(`| metric | ${servers.join(' | ')} | ratio to best reference |`)
    lines.push(`| --- | ${servers.map(() => '---:').join(' | ')} | ---: |`)
    // In S3 a reference that lost data is no baseline.
    const trusted = REFERENCES.filter(
      (s) =>
        scenario !== 'S3' ||
        (cell(records, s, 'S3', 'lostChars') === 0 && Number.isFinite(cell(records, s, 'S3', 'coldLoadMs'))),
    )
    for (const { metric, higher } of metrics) {
      const ours = cell(records, OURS, scenario, metric)
      const refs = trusted.map((s) => cell(records, s, scenario, metric)).filter(Number.isFinite)
      const best = refs.length === 0 ? Number.NaN : higher ? Math.max(...refs) : Math.min(...refs)
      const ratio =
        Number.isFinite(ours) && Number.isFinite(best) && best !== 0 ? `${round(ours / best, 2)}×` : '—'
      const values = servers.map((s) => format(cell(records, s, scenario, metric)))
      lines.push(`| ${metric} | ${values.join(' | ')} | ${metric.startsWith('generator') ? '' : ratio} |`)
    }
    const notes = records.filter((r) => r.scenario === scenario && (r.notes.length > 0 || !r.converged))
    for (const note of notes) {
      lines.push(
        `- ${note.server}, run ${note.run}: ${[note.converged ? '' : 'did not converge', ...note.notes].filter(Boolean).join('; ')}`,
      )
    }
    lines.push('')
  }
  const sized = records.filter((r) => r.scenario.startsWith('S1b-size-'))
  if (sized.length > 0) {
    lines.push('### Largest S1b room with p99 under 100 ms (one 5 s run per size: 100, 200, 300, 400)', '')
    lines.push('| server | largest size | p99 at each size tried (ms) |', '| --- | ---: | --- |')
    for (const server of compared) {
      const mine = sized.filter((r) => r.server === server)
      const passing = mine.filter((r) => r.converged && (r.metrics.p99Ms ?? Number.POSITIVE_INFINITY) < 100)
      const largest = passing.length === 0 ? 0 : Math.max(...passing.map((r) => r.metrics.clients ?? 0))
      const tried = mine
        .map((r) => `${r.metrics.clients}: ${format(r.metrics.p99Ms ?? Number.NaN)}`)
        .join(', ')
      lines.push(`| ${server} | ${largest === 400 ? '≥ 400' : largest} | ${tried} |`)
    }
    lines.push('')
  }
  return lines.join('\n')
}

const BEGIN = '<!-- bench:begin -->'
const END = '<!-- bench:end -->'

/** Prints the tables and, for a full run, replaces the generated part of docs/PERFORMANCE.md. */
export const writeReport = (records: BenchRecord[], { quick }: { quick: boolean }): void => {
  const tables = renderTables(records)
  console.log(`\n${tables}`)
  if (quick) return
  const file = join(import.meta.dirname, '..', 'docs', 'PERFORMANCE.md')
  const machine = records[0]?.machine
  const generated = [
    BEGIN,
    `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine?.cpus} × ${machine?.model}, Node ${machine?.node}.`,
    '',
    tables,
    END,
  ].join('\n')
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Performance\n\n${BEGIN}\n${END}\n`
  const start = current.indexOf(BEGIN)
  const end = current.indexOf(END)
  const next =
    start === -1 || end === -1
      ? `${current.trimEnd()}\n\n${generated}\n`
      : `${current.slice(0, start)}${generated}${current.slice(end + END.length)}`
  writeFileSync(file, next)
  console.log(`updated ${file}`)
}
