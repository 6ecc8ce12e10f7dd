import { networkInterfaces } from 'node:os'

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)$/i
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '[::]'])

/** Whether a host (a name or an address, without port) is this machine only. */
export const isLoopback = (host: string): boolean => LOOPBACK.test(host)

/** Whether a server bound to `host` can be reached from the room's network. */
export const listensOnNetwork = (host: string): boolean => !isLoopback(host)

/**
 * The IPv4 addresses of this machine on its networks (Wi-Fi, Ethernet), for a server bound to `host`: every
 * one when it listens on all interfaces, the one it is bound to otherwise, none on loopback.
 */
export const roomAddresses = (host: string): string[] => {
  if (isLoopback(host)) return []
  if (!ALL_INTERFACES.has(host)) return [host]
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address)
}

/**
 * Where links the server hands out should point: PUBLIC_URL when set; else, for a request that came in on
 * loopback (the facilitator's own machine) while the server listens on the room's network, the same port
 * on the machine's first network address, so the invite links and QR codes work on phones; else the
 * request's own origin.
 */
export const linkOrigin = (requestUrl: string, publicUrl: string | null, host: string): string => {
  if (publicUrl !== null) return publicUrl
  const url = new URL(requestUrl)
  const [address] = roomAddresses(host)
  if (address !== undefined && isLoopback(url.hostname))
    return `${url.protocol}//${address}${url.port === '' ? '' : `:${url.port}`}`
  return url.origin
}
