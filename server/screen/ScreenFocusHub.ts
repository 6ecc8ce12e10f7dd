import type { ScreenFocus } from '../../shared/api/workspace-api'
import type { WorkspaceStore } from '../storage/port'

/**
 * What each workspace's shared screens show, and who is watching. Kept in the workspace's record, so a screen
 * shows it again after a restart, and cached here; in scale-out mode every instance learns of changes over
 * the control channel (`apply`).
 */
export class ScreenFocusHub {
  private readonly current = new Map<string, ScreenFocus | null>()
  private readonly watchers = new Map<string, Set<(focus: ScreenFocus) => void>>()

  constructor(private readonly store: Pick<WorkspaceStore, 'getScreenFocus' | 'setScreenFocus'>) {}

  /** What the workspace's screens show now, from the cache or the store. */
  async get(workspaceId: string): Promise<ScreenFocus | null> {
    if (this.current.has(workspaceId)) return this.current.get(workspaceId) ?? null
    const stored = await this.store.getScreenFocus(workspaceId)
    // A change that arrived while reading wins over what was read.
    if (!this.current.has(workspaceId)) this.current.set(workspaceId, stored)
    return this.current.get(workspaceId) ?? null
  }

  /** A facilitator showed something: kept in the store, then told to this instance's screens. */
  async set(workspaceId: string, focus: ScreenFocus): Promise<void> {
    await this.store.setScreenFocus(workspaceId, focus)
    this.apply(workspaceId, focus)
  }

  /** Records a focus already stored (here or by another instance) and tells this instance's watchers. */
  apply(workspaceId: string, focus: ScreenFocus): void {
    this.current.set(workspaceId, focus)
    for (const watcher of this.watchers.get(workspaceId) ?? []) watcher(focus)
  }

  /** Calls `watcher` on every change; returns the function that stops it. */
  watch(workspaceId: string, watcher: (focus: ScreenFocus) => void): () => void {
    let set = this.watchers.get(workspaceId)
    if (set === undefined) {
      set = new Set()
      this.watchers.set(workspaceId, set)
    }
    set.add(watcher)
    return () => {
      set.delete(watcher)
      if (set.size === 0) this.watchers.delete(workspaceId)
    }
  }

  /** Forgets a deleted workspace. */
  forget(workspaceId: string): void {
    this.current.delete(workspaceId)
  }
}
