import type { Logger } from '../logger'
import type { Storage } from '../storage/port'

export type StorageHealthState =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: string; readonly since: string }

export interface StorageHealthOptions {
  readonly storage: Pick<Storage, 'probe' | 'checkIntegrity'>
  readonly logger: Logger
  /** How often a write is tried (READINESS_PROBE_MS). */
  readonly probeEveryMs: number
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * Whether the storage can be trusted with writes now, for `/readyz`: an integrity check of the stored pages
 * once at start, a small write every `probeEveryMs`, and every failed write the server makes meanwhile
 * (`writeFailed`). A damaged file stays unhealthy until a restart; a failed write clears as soon as a
 * probe gets through again (a disk that had room freed).
 */
export class StorageHealth {
  private integrity: string | null = null
  private failure: { reason: string; since: string } | null = null
  private timer: NodeJS.Timeout | null = null
  private probing: Promise<void> | null = null

  constructor(private readonly options: StorageHealthOptions) {}

  /** Checks integrity, probes once, then keeps probing. */
  async start(): Promise<void> {
    try {
      const problem = await this.options.storage.checkIntegrity()
      if (problem !== null) {
        this.integrity = problem
        this.options.logger.error({ problem }, 'integrity check of the stored data failed')
      }
    } catch (error) {
      this.integrity = messageOf(error)
      this.options.logger.error({ err: error }, 'integrity check of the stored data could not run')
    }
    await this.probe()
    this.timer = setInterval(() => void this.probe(), this.options.probeEveryMs)
    this.timer.unref()
  }

  /** One probe now (concurrent calls share it). */
  probe(): Promise<void> {
    this.probing ??= this.options.storage
      .probe()
      .then(
        () => {
          if (this.failure !== null) this.options.logger.info('storage takes writes again')
          this.failure = null
        },
        (error: unknown) => this.writeFailed(error),
      )
      .finally(() => {
        this.probing = null
      })
    return this.probing
  }

  /** A write the server needed failed (an update, a probe): not ready until a probe gets through. */
  writeFailed(error: unknown): void {
    if (this.failure === null) {
      this.options.logger.error({ err: error }, 'storage cannot take writes')
      this.failure = { reason: messageOf(error), since: new Date().toISOString() }
    }
  }

  get state(): StorageHealthState {
    if (this.integrity !== null) {
      return { ok: false, reason: `integrity check failed: ${this.integrity}`, since: 'start' }
    }
    return this.failure === null ? { ok: true } : { ok: false, ...this.failure }
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
  }
}
