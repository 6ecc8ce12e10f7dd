import type { ScreenFocus } from '../../shared/api/workspace-api'

/**
 * What each workspace's shared screen shows, and who is watching. Kept in memory: it is a pointer for the
 * meeting in progress, not a record; in scale-out mode every instance learns of changes over the control
 * channel.
 */
export class ScreenFocusHub {
  private readonly current = new Map<string, ScreenFocus>()
  private readonly watchers = new Map<string, Set<(focus: ScreenFocus) => void>>()

  get(workspaceId: string): ScreenFocus | null {
    return this.current.get(workspaceId) ?? null
  }

  /** Records the focus and tells this instance's watchers. */
  set(workspaceId: string, focus: ScreenFocus): void {
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
