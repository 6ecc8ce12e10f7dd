import { roomOf } from '../../shared/cafe/control-room'
import type { MemberSockets } from '../access/MemberSockets'
import type { WorkspaceStore } from '../storage/port'
import type { RoomRegistry } from '../sync/RoomRegistry'

export interface RevalidateAccessOptions {
  readonly memberSockets: MemberSockets
  readonly registry: Pick<RoomRegistry, 'loaded'>
  /** Read from the store itself: what another instance removed is gone from there. */
  readonly workspaces: Pick<WorkspaceStore, 'getMember' | 'getDocument'>
  readonly revoke: (memberIds: readonly string[]) => void
  readonly evict: (documentIds: readonly string[]) => Promise<unknown>
}

/**
 * Closes the sockets of members who no longer exist and unloads documents that were deleted — for when the
 * instance that made those changes could not tell this one (Redis was away). Runs after Redis comes back,
 * and every 30 s in scale-out mode.
 */
export const revalidateAccess = async ({
  memberSockets,
  registry,
  workspaces,
  revoke,
  evict,
}: RevalidateAccessOptions): Promise<void> => {
  const gone: string[] = []
  for (const memberId of memberSockets.members()) {
    if ((await workspaces.getMember(memberId)) === null) gone.push(memberId)
  }
  if (gone.length > 0) revoke(gone)
  const deleted: string[] = []
  for (const room of [...registry.loaded()]) {
    if ((await workspaces.getDocument(roomOf(room.docId).documentId)) === null) deleted.push(room.docId)
  }
  if (deleted.length > 0) await evict(deleted)
}
