// `npm run bench:seating`: the café seating's quality table in docs/seating.md — for 10–60 people over 3–5
// rounds, the proposal against a lower bound and a random seating with the same hosts and table sizes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import {
  type Guest,
  proposeSeating,
  type RoundSeating,
  randomSeating,
  repeatedPairs,
  tableCount,
  unmixedTables,
} from '../shared/cafe/seating'
import { seatingRuleBreaks } from '../shared/cafe/seating-rules'
import { seatingLowerBound } from '../shared/cafe/seating-search'
import { CHROMIUM, launchBrowser } from '../tests/helpers/browser'

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
const SIZES = [10, 12, 13, 15, 17, 20, 24, 30, 40, 50, 60, 80]
const ROUNDS = [3, 4, 5]

/** About 40 % from the public side, as in an idémöte with a municipality and several associations. */
const guestsOf = (n: number): Guest[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `g${String(i).padStart(2, '0')}`,
    kind: i % 5 < 2 ? 'public' : 'nonprofit',
  }))

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const rows: string[] = []
for (const n of SIZES) {
  for (const rounds of ROUNDS) {
    const guests = guestsOf(n)
    const kinds = new Map(guests.map((guest) => [guest.id, guest.kind]))
    const tables = tableCount(n) ?? 0
    const sizes = Array.from({ length: tables }, (_, t) => Math.floor(n / tables) + (t < n % tables ? 1 : 0))
    const bound = seatingLowerBound({
      hosts: Array.from({ length: tables }),
      movers: Array.from({ length: n - tables }),
      slots: sizes.map((size) => size - 1),
      rounds,
    })
    const stays: number[] = []
    const returns: number[] = []
    const repeats: number[] = []
    const random: number[] = []
    const unmixed: number[] = []
    const ms: number[] = []
    for (const seed of SEEDS) {
      const started = performance.now()
      const plan = proposeSeating({ guests, rounds, seed })
      ms.push(performance.now() - started)
      const breaks = seatingRuleBreaks(plan.rounds as RoundSeating[])
      stays.push(breaks.stays)
      returns.push(breaks.returns)
      repeats.push(repeatedPairs(plan.rounds))
      random.push(repeatedPairs(randomSeating({ guests, rounds, seed }).rounds))
      unmixed.push(plan.rounds.reduce((sum, round) => sum + unmixedTables(round, kinds), 0))
    }
    rows.push(
      `| ${n} | ${rounds} | ${sizes.join('·')} | ${Math.max(...stays)} | ${mean(returns).toFixed(1)} (≥ ${bound.returns}) | ${mean(repeats).toFixed(1)} | ${bound.repeats} | ${mean(random).toFixed(1)} | ${mean(unmixed).toFixed(1)} | ${median(ms).toFixed(0)} / ${Math.max(...ms).toFixed(0)} |`,
    )
    console.log(rows.at(-1))
  }
}
// The same proposal where it runs, in the facilitator's browser: the module bundled for Chromium, 80 people
// over 5 rounds, the same ten seeds.
const browserMs = async (): Promise<string> => {
  if (!existsSync(CHROMIUM)) return `not measured: no Chromium at ${CHROMIUM}`
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, '..', 'shared', 'cafe', 'seating.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'seating',
    write: false,
    minify: true,
  })
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text })
    const times = await page.evaluate(
      ({ guests, seeds }) =>
        seeds.map((seed) => {
          const started = performance.now()
          ;(window as unknown as { seating: typeof import('../shared/cafe/seating') }).seating.proposeSeating(
            {
              guests,
              rounds: 5,
              seed,
            },
          )
          return performance.now() - started
        }),
      { guests: guestsOf(80), seeds: SEEDS },
    )
    return `${median(times).toFixed(0)} ms median, ${Math.max(...times).toFixed(0)} ms at most (Chromium ${browser.version()}, ten seeds, the first one included)`
  } finally {
    await browser.close()
  }
}
const inBrowser = await browserMs()
console.log(`80 people × 5 rounds in Chromium: ${inBrowser}`)

const table = [
  '| People | Rounds | Table sizes | Movers who stayed (max) | Returns to a table (mean, bound) | Repeated pairs (mean) | Lower bound | Random seating | One-sided tables (mean) | ms (median / max) |',
  '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows,
].join('\n')
const file = join(import.meta.dirname, '..', 'docs', 'seating.md')
const text = readFileSync(file, 'utf8')
const start = '<!-- quality:start -->'
const end = '<!-- quality:end -->'
writeFileSync(
  file,
  `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n\n80 people × 5 rounds in the browser: ${inBrowser}.\n${text.slice(text.indexOf(end))}`,
)
console.log(`quality table written to ${file} (${SEEDS.length} seeds per row, Node ${process.version})`)
