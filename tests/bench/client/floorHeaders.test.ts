import { describe, expect, it } from 'vitest'
import { floorHeaders } from '../../../bench/client/floorHeaders'

describe('the floor page headers', () => {
  const documentPage = new Headers({
    'content-type': 'text/html; charset=UTF-8',
    'content-length': '713',
    'cache-control': 'no-cache',
    date: 'Thu, 03 Dec 2026 17:51:02 GMT',
    'content-security-policy':
      "default-src 'self'; connect-src 'self'; script-src 'self'; frame-ancestors 'none'",
    'cross-origin-opener-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'x-frame-options': 'DENY',
  })

  it("are the document page's policy headers, with the floor's sync socket allowed to connect", () => {
    expect(floorHeaders(documentPage, 'ws://127.0.0.1:4000')).toEqual({
      'cache-control': 'no-cache',
      'content-security-policy':
        "default-src 'self'; connect-src 'self' ws://127.0.0.1:4000; script-src 'self'; frame-ancestors 'none'",
      'cross-origin-opener-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'x-frame-options': 'DENY',
    })
  })

  it('leave out what belongs to the one response: its type, length and date', () => {
    const headers = floorHeaders(documentPage, 'ws://127.0.0.1:4000')
    expect(Object.keys(headers)).not.toContain('content-type')
    expect(Object.keys(headers)).not.toContain('content-length')
    expect(Object.keys(headers)).not.toContain('date')
  })
})
