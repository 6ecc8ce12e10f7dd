// `tsx bench/render.ts bench/results/<run>.jsonl`: rewrite the generated part of docs/PERFORMANCE.md from a
// saved run, without running the benchmark again.
import { readFileSync } from 'node:fs'
import { writeReport } from './report'
import type { BenchRecord } from './run'

const file = process.argv[2]
if (file === undefined) throw new Error('usage: render.ts <results.jsonl>')
const records = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as BenchRecord)
writeReport(records, { quick: false })
