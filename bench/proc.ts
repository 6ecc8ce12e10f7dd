import { readFileSync } from 'node:fs'

const CLOCK_TICKS = 100 // USER_HZ on Linux

/** CPU seconds a process has used in user space and in the kernel, from /proc/<pid>/stat. */
const cpuTimes = (pid: number): { user: number; system: number } => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name may contain spaces; fields after the closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return { user: Number(fields[11]) / CLOCK_TICKS, system: Number(fields[12]) / CLOCK_TICKS }
}

/** CPU seconds (user + system) a process has used. */
export const cpuSeconds = (pid: number): number => {
  const { user, system } = cpuTimes(pid)
  return user + system
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
  const startServer = cpuTimes(pid)
  const startSelf = process.cpuUsage()
  return () => {
    const wall = (performance.now() - startWall) / 1000
    const self = process.cpuUsage(startSelf)
    const server = cpuTimes(pid)
    const user = server.user - startServer.user
    const system = server.system - startServer.system
    return {
      serverCpuPct: ((user + system) / wall) * 100,
      // Sending to a socket on loopback runs the receiver's TCP path in the sender's system call too: this
      // is the part no change to the server's JavaScript can lower.
      serverKernelCpuPct: (system / wall) * 100,
      generatorCpuPct: ((self.user + self.system) / 1e6 / wall) * 100,
      seconds: wall,
    }
  }
}
