import * as z from 'zod/mini'
import { Vocabulary } from '../agreement/vocabulary'
import { AuditEvent } from '../schema/audit-event'
import { DocumentRecord, DocumentTitle } from '../schema/document-record'
import { EntityId } from '../schema/entity-id'
import { Invite, InviteLink } from '../schema/invite'
import { lazySchema } from '../schema/lazy-schema'
import { DisplayName, Member } from '../schema/member'
import { missingPartyKinds, NewParty, Party } from '../schema/party'
import { Role } from '../schema/role'
import { TemplateId } from '../schema/template-id'
import { SocietalChallenge, Workspace, WorkspaceName } from '../schema/workspace'

/** `POST /api/workspaces`: `creator.party` is an index into `parties`; the creator becomes a facilitator. */
export const CreateWorkspaceRequest = lazySchema(() =>
  z
    .object({
      name: WorkspaceName,
      challenge: SocietalChallenge,
      parties: z
        .array(NewParty)
        .check(z.minLength(2, 'a partnership has at least two parties'), z.maxLength(20)),
      creator: z.object({ name: DisplayName, party: z.number().check(z.int(), z.nonnegative()) }),
    })
    .check(
      z.superRefine((value, ctx) => {
        for (const kind of missingPartyKinds(value.parties)) {
          ctx.addIssue({
            code: 'custom',
            path: ['parties'],
            message: `a partnership needs at least one ${kind === 'public' ? 'public' : 'non-profit'} party`,
          })
        }
        if (value.creator.party >= value.parties.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['creator', 'party'],
            message: `must be the index of one of the ${value.parties.length} parties`,
          })
        }
      }),
    ),
)
export type CreateWorkspaceRequest = z.infer<typeof CreateWorkspaceRequest>

/** `GET`/`PUT /api/workspaces/:id/vocabulary`: the guide in use, and whether it is the workspace's own. */
export const VocabularyState = lazySchema(() => z.object({ terms: Vocabulary, custom: z.boolean() }))
export type VocabularyState = z.infer<typeof VocabularyState>
/** `PUT /api/workspaces/:id/vocabulary`: the workspace's own terms, or null for SKL's default guide. */
export const SetVocabularyRequest = lazySchema(() => z.object({ terms: z.nullable(Vocabulary) }))

/** `PUT /api/workspaces/:id/initiative`: which party the initiative came from (null: not known). */
export const SetInitiativeRequest = lazySchema(() => z.object({ partyId: z.nullable(EntityId) }))
export type SetInitiativeRequest = z.infer<typeof SetInitiativeRequest>

/** A session token: send it as `Authorization: Bearer …` or the websocket's `?token=`. */
export const Session = lazySchema(() => z.object({ token: z.string() }))

export const InviteLinks = lazySchema(() =>
  z.object({
    facilitator: InviteLink,
    participant: InviteLink,
    viewer: InviteLink,
  }),
)

export const CreateWorkspaceResponse = lazySchema(() =>
  z.object({
    workspace: Workspace,
    parties: z.array(Party),
    member: Member,
    session: Session,
    invites: InviteLinks,
  }),
)
export type CreateWorkspaceResponse = z.infer<typeof CreateWorkspaceResponse>

/** `POST /api/join`: an invite token, who you are and which party you represent. */
export const JoinRequest = lazySchema(() =>
  z.object({
    invite: z.string().check(z.minLength(1), z.maxLength(200)),
    /** Required for a person; a shared screen's invite (viewer) asks nothing: it is named "Storskärm". */
    name: z.optional(DisplayName),
    partyId: z.optional(EntityId),
  }),
)
export type JoinRequest = z.infer<typeof JoinRequest>

export const JoinResponse = lazySchema(() =>
  z.object({
    session: Session,
    member: Member,
    workspaceId: EntityId,
  }),
)
export type JoinResponse = z.infer<typeof JoinResponse>

/** `GET /api/invites/:token`: what the join page shows before anyone gives their name. */
export const InvitePreview = lazySchema(() =>
  z.object({
    workspace: Workspace,
    parties: z.array(Party),
    role: Role,
  }),
)
export type InvitePreview = z.infer<typeof InvitePreview>

/** `GET /api/workspaces/:id`. `me` is the member whose session made the request. */
export const WorkspaceView = lazySchema(() =>
  z.object({
    workspace: Workspace,
    parties: z.array(Party),
    members: z.array(Member),
    documents: z.array(DocumentRecord),
    me: Member,
  }),
)
export type WorkspaceView = z.infer<typeof WorkspaceView>

export const PartyList = lazySchema(() => z.object({ parties: z.array(Party) }))
export const MemberList = lazySchema(() => z.object({ members: z.array(Member) }))
export const InviteList = lazySchema(() => z.object({ invites: z.array(Invite) }))
export const DocumentList = lazySchema(() => z.object({ documents: z.array(DocumentRecord) }))
export const AuditLog = lazySchema(() => z.object({ events: z.array(AuditEvent) }))

/**
 * `POST /api/workspaces/:id/members`: a facilitator adds a member directly — a shared-screen device, or
 * someone who cannot use an invite link — and hands them the returned session.
 */
export const AddMemberRequest = lazySchema(() =>
  z.object({ name: DisplayName, partyId: EntityId, role: Role }),
)
export type AddMemberRequest = z.infer<typeof AddMemberRequest>
export const AddMemberResponse = lazySchema(() => z.object({ member: Member, session: Session }))

export const AddPartyRequest = NewParty
export const CreateInviteRequest = lazySchema(() => z.object({ role: Role }))
export const CreateDocumentRequest = lazySchema(() =>
  z.object({ template: TemplateId, title: DocumentTitle }),
)
export type CreateDocumentRequest = z.infer<typeof CreateDocumentRequest>

/** `GET /api/workspaces/:id/audit` paging: newest first, `before` a seq to continue from. */
export const AuditQuery = lazySchema(() =>
  z.object({
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
    before: z.optional(z.coerce.number().check(z.int(), z.positive())),
  }),
)

/** What the shared screen shows: a document, optionally one of its fields, as chosen by a facilitator. */
const FieldId = z.nullable(z.string().check(z.regex(/^[a-z][a-z0-9-]{0,47}$/)))

/**
 * What a shared screen can show: a document being written (scrolled to a field), a café (which then follows
 * its own steps), a document's equal-voice bars, or the join slide (a QR code of a participant invite).
 */
const ScreenContent = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('document'), documentId: EntityId, fieldId: z._default(FieldId, null) }),
    z.object({ kind: z.literal('cafe'), documentId: EntityId }),
    z.object({ kind: z.literal('equal-voice'), documentId: EntityId }),
    z.object({ kind: z.literal('join'), url: z.url({ protocol: /^https?$/ }).check(z.maxLength(500)) }),
  ]),
)
export type ScreenContent = z.infer<typeof ScreenContent>

/** A request without `kind` is a document, as before there were other kinds. */
const withKind = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !('kind' in value) ? { ...value, kind: 'document' } : value

export const ScreenFocus = lazySchema(() =>
  z.pipe(
    z.transform(withKind),
    z.intersection(
      ScreenContent,
      z.object({
        setBy: z.string(),
        setAt: z.iso.datetime(),
        /** The last join slide's link, kept for a small QR code in a corner while people may still arrive. */
        joinUrl: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(500))),
      }),
    ),
  ),
)
export type ScreenFocus = z.infer<typeof ScreenFocus>

/** `POST /api/workspaces/:id/screen`. */
export const SetScreenFocusRequest = lazySchema(() => z.pipe(z.transform(withKind), ScreenContent))
export const ScreenFocusState = lazySchema(() => z.object({ focus: z.nullable(ScreenFocus) }))
