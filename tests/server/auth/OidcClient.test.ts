import { describe, expect, it } from 'vitest'
import { safeReturnTo } from '../../../server/auth/OidcClient'

describe('safeReturnTo', () => {
  it('keeps a path on this site and turns anything else into the start page', () => {
    expect(safeReturnTo('/w/abc/d/def?x=1')).toBe('/w/abc/d/def?x=1')
    expect(safeReturnTo(undefined)).toBe('/')
    for (const elsewhere of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/a b',
      '',
    ])
      expect(safeReturnTo(elsewhere)).toBe('/')
  })
})
