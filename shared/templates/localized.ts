import type { Localized } from './template'

/** A Swedish text with its English translation (templates are written Swedish first). */
export const t = (sv: string, en: string): Localized => ({ sv, en })
