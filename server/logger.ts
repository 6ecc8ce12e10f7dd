import { type Logger, pino } from 'pino'

export type { Logger }

/** Structured JSON logs on stdout, one object per line. */
export const createLogger = (level: string = 'info'): Logger =>
  pino({ level, base: { service: 'samverkstad' }, timestamp: pino.stdTimeFunctions.isoTime })
