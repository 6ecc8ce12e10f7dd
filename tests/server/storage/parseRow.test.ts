import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseRow, parseRows } from '../../../server/storage/parseRow'
import { StorageIntegrityError } from '../../../server/storage/StorageIntegrityError'

const CountRow = z.object({ n: z.number().int().nonnegative() })
const NamedRow = z.object({ name: z.string() }).transform((row) => z.string().min(1).parse(row.name))

describe('parseRow', () => {
  it('returns what the schema makes of a row it accepts', () => {
    expect(parseRow(CountRow, { n: 3 }, 'count')).toEqual({ n: 3 })
    expect(parseRows(NamedRow, [{ name: 'Föreningen' }], 'names')).toEqual(['Föreningen'])
  })

  it('reports a row the schema refuses as an integrity error naming what was read', () => {
    expect(() => parseRow(CountRow, { n: -1 }, 'count of document d')).toThrow(StorageIntegrityError)
    expect(() => parseRow(CountRow, undefined, 'count of document d')).toThrow(
      /stored count of document d is malformed/,
    )
  })

  it('reports a row whose transform throws as an integrity error too, not as a bare ZodError', () => {
    expect(() => parseRows(NamedRow, [{ name: 'ok' }, { name: '' }], 'names')).toThrow(StorageIntegrityError)
  })
})
