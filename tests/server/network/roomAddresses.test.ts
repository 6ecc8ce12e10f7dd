import { describe, expect, it } from 'vitest'
import {
  isLoopback,
  linkOrigin,
  listensOnNetwork,
  roomAddresses,
} from '../../../server/network/roomAddresses'

describe('roomAddresses', () => {
  it('tells loopback from the room’s network', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3'])
      expect(isLoopback(host)).toBe(true)
    expect(listensOnNetwork('127.0.0.1')).toBe(false)
    expect(listensOnNetwork('0.0.0.0')).toBe(true)
    expect(roomAddresses('127.0.0.1')).toEqual([])
    expect(roomAddresses('192.168.1.20')).toEqual(['192.168.1.20'])
    for (const address of roomAddresses('0.0.0.0')) expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
  })

  it('points links at PUBLIC_URL, else at the room’s network for a request from this machine, else at the request', () => {
    expect(linkOrigin('http://localhost:8080/api/x', 'https://samverkstad.example.se', '0.0.0.0')).toBe(
      'https://samverkstad.example.se',
    )
    expect(linkOrigin('http://localhost:8080/api/x', null, '192.168.1.20')).toBe('http://192.168.1.20:8080')
    expect(linkOrigin('http://192.168.1.20:8080/api/x', null, '192.168.1.20')).toBe(
      'http://192.168.1.20:8080',
    )
    // Listening on this machine only: the links can only work here, and say so through /api/network.
    expect(linkOrigin('http://localhost:8080/api/x', null, '127.0.0.1')).toBe('http://localhost:8080')
  })
})
