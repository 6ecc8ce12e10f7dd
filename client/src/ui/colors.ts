/**
 * A party's colour, the same as its marks (◆ public, ● non-profit) use: people take their party's colour, so
 * nobody appears in the other side's colour.
 */
export const partyColor = (kind: 'public' | 'nonprofit'): string =>
  kind === 'public' ? '#1d4f91' : '#0b6e4f'
