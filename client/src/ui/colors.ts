/**
 * Person colours: each dark enough for white text (≥ 4.5:1) and a cursor line visible on white. A person's
 * colour always comes with their name and party shape, never alone.
 */
export const personColors = [
  '#1f5fa8',
  '#7b2cbf',
  '#b3261e',
  '#0b6e4f',
  '#8a4b08',
  '#a21caf',
  '#0e7490',
  '#4d7c0f',
  '#9a3412',
  '#3f51b5',
]

export const colorFor = (seed: string): string => {
  let hash = 0
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return personColors[hash % personColors.length]!
}
