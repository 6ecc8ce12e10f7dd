import { roomOf } from '../../shared/cafe/control-room'
import { SyncErrorReason } from '../../shared/protocol/sync-error'
import type { ClientOwnership } from '../attribution/ClientOwnership'
import type { AccountSessions } from '../auth/AccountSessions'
import type { MemberRecord } from '../storage/port'
import type { WritePolicy } from '../sync/WritePolicy'
import type { WorkspaceService } from '../workspaces/WorkspaceService'
import { documentWritePolicy } from './documentWritePolicy'

/** Who may write a café table's note: decided when the socket opens, and `mayWrite` again per update. */
export type NoteAccess = (
  member: MemberRecord,
  documentId: string,
  round: number,
  table: number,
) => Promise<{ readonly readOnly: boolean; readonly mayWrite?: () => boolean }>

/** What an upgrade request carries to prove who it is. */
export interface SocketCredentials {
  /** `?token=` (the y-websocket provider's `params`) or `Authorization: Bearer`. */
  readonly token: string | null
  /** The workspace's session cookie, where the request may use it (a same-origin upgrade), else null. */
  readonly cookie: (workspaceId: string) => string | null
  /** The organisation-account session cookie, on a same-origin upgrade only (else null). */
  readonly account?: string | null
}

export type SocketAccess =
  | { readonly ok: true; readonly member: MemberRecord; readonly policy: WritePolicy }
  | { readonly ok: false; readonly reason: SyncErrorReason }

export type SocketAuthorizer = (docId: string, credentials: SocketCredentials) => Promise<SocketAccess>

export interface SocketAuthorizerOptions {
  readonly workspaces: Pick<WorkspaceService, 'findDocument' | 'authenticate' | 'authenticateAccount'>
  /** Sessions of people signed in with an organisation account (null or absent: sign-in is off). */
  readonly accounts?: Pick<AccountSessions, 'find'> | null
  readonly ownership: ClientOwnership
  /** Who may write a café table's note (without it, only facilitators may). */
  readonly noteAccess?: NoteAccess
}

/**
 * Who may open a sync room, and what they may write in it: a member of the document's workspace. A viewer
 * writes nothing; a café's control state is written by facilitators only, a table's note by facilitators and
 * the people seated there; everyone's content is attributed to them.
 */
export const makeSocketAuthorizer = ({
  workspaces,
  ownership,
  noteAccess,
  accounts = null,
}: SocketAuthorizerOptions): SocketAuthorizer =>
  async function authorizeSocket(docId, credentials) {
    const room = roomOf(docId)
    const found = await workspaces.findDocument(room.documentId)
    // Only a café has a control room and table notes.
    const document = room.kind !== 'content' && found?.template !== 'cafe' ? null : found
    const token = credentials.token ?? (document === null ? null : credentials.cookie(document.workspaceId))
    let member = token === null ? null : await workspaces.authenticate(token)
    // A person signed in with an organisation account opens the rooms of the workspaces they are members of.
    if (member === null && credentials.token === null && document !== null && accounts !== null) {
      const session = await accounts.find(credentials.account ?? null)
      if (session !== null)
        member = await workspaces.authenticateAccount(session.identity, document.workspaceId)
    }
    if (member === null) return { ok: false, reason: SyncErrorReason.Unauthorized }
    if (document === null) return { ok: false, reason: SyncErrorReason.NotFound }
    if (document.workspaceId !== member.workspaceId) return { ok: false, reason: SyncErrorReason.Forbidden }
    const author = { memberId: member.id, partyId: member.partyId }
    if (room.kind === 'note' && member.role !== 'facilitator') {
      const seat =
        noteAccess === undefined
          ? { readOnly: true }
          : await noteAccess(member, room.documentId, room.round, room.table)
      const policy = documentWritePolicy({
        readOnly: seat.readOnly,
        author,
        ownership,
        ...(seat.mayWrite === undefined ? {} : { seated: seat.mayWrite }),
      })
      return { ok: true, member, policy }
    }
    const readOnly = member.role === 'viewer' || (room.kind === 'control' && member.role !== 'facilitator')
    return { ok: true, member, policy: documentWritePolicy({ readOnly, author, ownership }) }
  }
