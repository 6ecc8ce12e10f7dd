// A process of the load generator for S4 (`joinStorm` with `processes`): runs the joins it is given, reports
// them, and keeps its clients connected until told to close. Separate processes keep one process's garbage
// collection from delaying every joiner of the storm.

import type { BenchClient } from './BenchClient'
import { type JoinWavePlan, joinWave } from './joinWave'

let clients: BenchClient[] = []

process.on('message', (message: { type: 'plan'; plan: JoinWavePlan } | { type: 'close' }) => {
  if (message.type === 'close') {
    for (const client of clients) client.close()
    process.exit(0)
  }
  if (message.type === 'plan') {
    void joinWave(message.plan).then(({ report, clients: joined }) => {
      clients = joined
      process.send?.({ type: 'report', report })
    })
  }
})
process.send?.({ type: 'ready' })
