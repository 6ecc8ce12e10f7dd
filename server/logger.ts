import { type Logger, pino } from 'pino'

export type { Logger }

/** Structured JSON logs, one object per line: on stdout, or to `destination` (tests read their lines). */
export const createLogger = (level: string = 'info', destination?: { write(line: string): void }): Logger =>
  destination === undefined
    ? pino({ level, base: { service: 'samverkstad' }, timestamp: pino.stdTimeFunctions.isoTime })
    : pino({ level, base: { service: 'samverkstad' }, timestamp: pino.stdTimeFunctions.isoTime }, destination)
