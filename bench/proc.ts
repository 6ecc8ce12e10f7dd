import { readFileSync } from 'node:fs'

const CLOCK_TICKS = 100 // USER_HZ on Linux

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export const cpuSeconds = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name may contain spaces; fields after the closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
}

const statusKb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`))
  return match === null ? 0 : Number(match[1])
}

/** Resident memory now, in MiB. */
export const rssMiB = (pid: number): number => statusKb(pid, 'VmRSS') / 1024

/** Peak resident memory over the process's life, in MiB. */
export const peakRssMiB = (pid: number): number => statusKb(pid, 'VmHWM') / 1024

/** Measures CPU% of a process and of this generator over a window. */
export const startCpuWindow = (pid: number) => {
  const startWall = performance.now()
  const startServer = cpuSeconds(pid)
  const startSelf = process.cpuUsage()
  return () => {
    const wall = (performance.now() - startWall) / 1000
    const self = process.cpuUsage(startSelf)
    return {
      serverCpuPct: ((cpuSeconds(pid) - startServer) / wall) * 100,
      generatorCpuPct: ((self.user + self.system) / 1e6 / wall) * 100,
      seconds: wall,
    }
  }
}
