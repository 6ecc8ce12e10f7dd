import { describe, expect, it } from 'vitest'
import { fanoutLatencies } from '../../bench/splitFanout'

describe('fanoutLatencies', () => {
  it('times each update until the last of its receivers in any process had it, and counts the ones some receiver never got', () => {
    // Client 1 sent clocks 0 and 1 (at 1000 and 1010); client 2 sent clock 0 (at 1005). Three clients: two receivers each.
    const first = {
      sent: Float64Array.from([1, 0, 1000, 1, 1, 1010]),
      arrived: Float64Array.from([2, 0, 1, 1, 1012]),
    }
    const second = {
      sent: Float64Array.from([2, 0, 1005]),
      // One message carried both of client 1's updates to the two receivers here (range 0–2).
      arrived: Float64Array.from([1, 0, 2, 2, 1030]),
    }
    const { completions, outstanding, deliveries } = fanoutLatencies([first, second], 2)
    expect(completions.sort((a, b) => a - b)).toEqual([20, 30])
    // Client 2's update reached only one of its two receivers.
    expect(outstanding).toBe(1)
    expect(deliveries).toBe(5)
  })
})
