import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type {
  AuditRecord,
  InviteRecord,
  MemberRecord,
  NewWorkspace,
  Storage,
} from '../../server/storage/port'

/** Builds a fresh, empty storage (documents and workspaces on one backend) for one test. */
export type StorageFactory = () => Promise<Storage> | Storage

let counter = 0
const id = (): string => (++counter).toString(16).padStart(32, '0')
const at = (minute: number): string => new Date(Date.UTC(2027, 0, 1, 9, minute)).toISOString()

const fixture = (): NewWorkspace & { participantInvite: InviteRecord } => {
  const workspaceId = id()
  const parties = [
    { id: id(), name: 'Mora kommun', kind: 'public' as const, orgNumber: '212000-2171' },
    { id: id(), name: 'Föreningen Gemenskap', kind: 'nonprofit' as const, orgNumber: null },
  ]
  const creator: MemberRecord = {
    id: id(),
    workspaceId,
    name: 'Karin',
    partyId: parties[0]!.id,
    role: 'facilitator',
    joinedAt: at(0),
    sessionHash: `session-${id()}`,
    inviteId: null,
  }
  const participantInvite: InviteRecord = {
    id: id(),
    workspaceId,
    role: 'participant',
    tokenHash: `invite-${id()}`,
    createdAt: at(0),
    revokedAt: null,
  }
  const audit: AuditRecord = {
    workspaceId,
    at: at(0),
    type: 'workspace-created',
    actor: {
      memberId: creator.id,
      name: 'Karin',
      partyId: parties[0]!.id,
      partyName: 'Mora kommun',
      role: 'facilitator',
    },
    subject: { kind: 'workspace', id: workspaceId, label: 'Partnerskapet' },
  }
  return {
    workspace: {
      id: workspaceId,
      name: 'Partnerskapet',
      challenge: 'Ensamhet',
      createdAt: at(0),
      initiativeParty: null,
    },
    parties,
    creator,
    invites: [participantInvite],
    audit: [audit],
    participantInvite,
  }
}

const verifiedAisha = {
  issuer: 'https://login.example.se/realms/forening',
  subject: 'aisha-7f3',
  name: 'Aisha A.',
}

const entry = (workspaceId: string, type: AuditRecord['type'], minute = 1): AuditRecord => ({
  workspaceId,
  at: at(minute),
  type,
  actor: null,
  subject: null,
})

const someUpdate = (text: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/**
 * The contract every `WorkspaceStore` adapter keeps (SQLite now; Postgres with the scale-out issue).
 * Cases carry spec ids so a failure names the rule it broke, whichever adapter ran it.
 */
export const registerWorkspaceStoreContract = (name: string, factory: StorageFactory): void => {
  describe(`${name} keeps the WorkspaceStore contract`, () => {
    let storage: Storage
    beforeEach(async () => {
      storage = await factory()
    })
    afterEach(async () => {
      await storage.close()
    })

    it('[WS1] a created workspace reads back with its parties in order, its creator and its invite', async () => {
      const input = fixture()
      await storage.workspaces.createWorkspace(input)
      const store = storage.workspaces
      expect(await store.getWorkspace(input.workspace.id)).toEqual(input.workspace)
      expect(await store.listParties(input.workspace.id)).toEqual(input.parties)
      expect(await store.listMembers(input.workspace.id)).toEqual([input.creator])
      expect(await store.getMember(input.creator.id)).toEqual(input.creator)
      expect(await store.findMemberBySession(input.creator.sessionHash)).toEqual(input.creator)
      expect(await store.listInvites(input.workspace.id)).toEqual([input.participantInvite])
      expect(await store.findInviteByToken(input.participantInvite.tokenHash)).toEqual(
        input.participantInvite,
      )
      expect(await store.getWorkspace(id())).toBeNull()
      expect(await store.findMemberBySession('nobody')).toBeNull()
    })

    it('[WS2] workspace creation is one transaction: a clash writes nothing of it', async () => {
      const first = fixture()
      await storage.workspaces.createWorkspace(first)
      const second = fixture()
      // Same session hash as an existing member: the unique index refuses the whole workspace.
      const clashing = { ...second, creator: { ...second.creator, sessionHash: first.creator.sessionHash } }
      await expect(storage.workspaces.createWorkspace(clashing)).rejects.toThrow()
      expect(await storage.workspaces.getWorkspace(second.workspace.id)).toBeNull()
      expect(await storage.workspaces.listParties(second.workspace.id)).toEqual([])
      expect(await storage.workspaces.listAudit(second.workspace.id, { limit: 10 })).toEqual([])
    })

    it('[WS3] members join and leave, each change with its audit entry, newest entry first', async () => {
      const input = fixture()
      const store = storage.workspaces
      await store.createWorkspace(input)
      const member: MemberRecord = {
        ...input.creator,
        id: id(),
        name: 'Aisha',
        partyId: input.parties[1]!.id,
        role: 'participant',
        sessionHash: `session-${id()}`,
        inviteId: input.participantInvite.id,
        joinedAt: at(5),
      }
      await store.addMember(member, entry(input.workspace.id, 'member-joined', 5))
      expect((await store.listMembers(input.workspace.id)).map((m) => m.name)).toEqual(['Karin', 'Aisha'])
      await store.removeMember(member.id, entry(input.workspace.id, 'member-removed', 6))
      expect(await store.findMemberBySession(member.sessionHash)).toBeNull()
      const log = await store.listAudit(input.workspace.id, { limit: 10 })
      expect(log.map((event) => event.type)).toEqual(['member-removed', 'member-joined', 'workspace-created'])
      expect(log[2]!.actor?.partyName).toBe('Mora kommun')
      const older = await store.listAudit(input.workspace.id, { limit: 10, before: log[0]!.seq })
      expect(older.map((event) => event.type)).toEqual(['member-joined', 'workspace-created'])
    })

    it('[WS4] revoking an invite with its members removes exactly those who joined through it', async () => {
      const input = fixture()
      const store = storage.workspaces
      await store.createWorkspace(input)
      const joined = (name: string, inviteId: string | null): MemberRecord => ({
        ...input.creator,
        id: id(),
        name,
        role: 'participant',
        sessionHash: `session-${id()}`,
        inviteId,
      })
      const a = joined('A', input.participantInvite.id)
      const b = joined('B', input.participantInvite.id)
      await store.addMember(a, entry(input.workspace.id, 'member-joined'))
      await store.addMember(b, entry(input.workspace.id, 'member-joined'))
      const removed = await store.revokeInviteAndMembers(input.participantInvite.id, at(9), [
        entry(input.workspace.id, 'invite-revoked', 9),
      ])
      expect(removed.sort()).toEqual([a.id, b.id].sort())
      expect((await store.listMembers(input.workspace.id)).map((m) => m.id)).toEqual([input.creator.id])
      expect((await store.findInviteByToken(input.participantInvite.tokenHash))?.revokedAt).toBe(at(9))
    })

    it('[WS5] parties are added at the end and removed by id', async () => {
      const input = fixture()
      const store = storage.workspaces
      await store.createWorkspace(input)
      const region = { id: id(), name: 'Region Dalarna', kind: 'public' as const, orgNumber: null }
      await store.addParty(input.workspace.id, region, entry(input.workspace.id, 'party-added'))
      expect((await store.listParties(input.workspace.id)).map((p) => p.name)).toEqual([
        'Mora kommun',
        'Föreningen Gemenskap',
        'Region Dalarna',
      ])
      await store.removeParty(input.workspace.id, region.id, entry(input.workspace.id, 'party-removed'))
      expect(await store.listParties(input.workspace.id)).toEqual(input.parties)
    })

    it('[WS6] removing a document removes its record and its stored content', async () => {
      const input = fixture()
      const store = storage.workspaces
      await store.createWorkspace(input)
      const document = {
        id: id(),
        workspaceId: input.workspace.id,
        template: 'agreement' as const,
        title: 'Överenskommelse',
        createdAt: at(3),
        createdBy: input.creator.id,
        frozen: null,
      }
      await store.addDocument(document, entry(input.workspace.id, 'document-created', 3))
      expect(await store.getDocument(document.id)).toEqual(document)
      expect(await store.listDocuments(input.workspace.id)).toEqual([document])
      const seqs = await storage.documents.append([{ docId: document.id, update: someUpdate('Bakgrund') }])
      await storage.documents.compact(document.id, someUpdate('Bakgrund'), seqs[0]!)
      await storage.documents.append([{ docId: document.id, update: someUpdate('Syfte') }])
      await store.removeDocument(document.id, entry(input.workspace.id, 'document-deleted', 4))
      expect(await store.getDocument(document.id)).toBeNull()
      expect(await storage.documents.load(document.id)).toEqual({ state: null, updates: [], lastSeq: 0 })
    })

    it('[WS12] freezing a document is stored with who and when, written once, audited, and undone by unfreezing', async () => {
      const input = fixture()
      const store = storage.workspaces
      await store.createWorkspace(input)
      const document = {
        id: id(),
        workspaceId: input.workspace.id,
        template: 'agreement' as const,
        title: 'Överenskommelse',
        createdAt: at(3),
        createdBy: null,
        frozen: null,
      }
      await store.addDocument(document, entry(input.workspace.id, 'document-created', 3))
      const freeze = { at: at(4), by: 'Karin' }
      expect(
        await store.setDocumentFrozen(document.id, freeze, entry(input.workspace.id, 'document-frozen', 4)),
      ).toBe(true)
      expect(
        await store.setDocumentFrozen(
          document.id,
          { at: at(5), by: 'Ali' },
          entry(input.workspace.id, 'document-frozen', 5),
        ),
      ).toBe(false)
      expect((await store.getDocument(document.id))?.frozen).toEqual(freeze)
      expect((await store.listDocuments(input.workspace.id))[0]?.frozen).toEqual(freeze)
      expect(
        await store.setDocumentFrozen(document.id, null, entry(input.workspace.id, 'document-unfrozen', 6)),
      ).toBe(true)
      expect(
        await store.setDocumentFrozen(document.id, null, entry(input.workspace.id, 'document-unfrozen', 7)),
      ).toBe(false)
      expect((await store.getDocument(document.id))?.frozen).toBeNull()
      const types = (await store.listAudit(input.workspace.id, { limit: 10 })).map((event) => event.type)
      expect(types.filter((type) => type === 'document-frozen' || type === 'document-unfrozen')).toEqual([
        'document-unfrozen',
        'document-frozen',
      ])
    })

    it('[WS7] deleting a workspace removes everything of it and nothing of another', async () => {
      const doomed = fixture()
      const kept = fixture()
      const store = storage.workspaces
      await store.createWorkspace(doomed)
      await store.createWorkspace(kept)
      const documentOf = (workspaceId: string) => ({
        id: id(),
        workspaceId,
        template: 'dwa-1' as const,
        title: 'Blad',
        createdAt: at(2),
        createdBy: null,
        frozen: null,
      })
      const doomedDoc = documentOf(doomed.workspace.id)
      const keptDoc = documentOf(kept.workspace.id)
      for (const document of [doomedDoc, keptDoc]) {
        await store.addDocument(document, entry(document.workspaceId, 'document-created'))
        await storage.documents.append([{ docId: document.id, update: someUpdate('innehåll') }])
      }
      await store.deleteWorkspace(doomed.workspace.id)

      expect(await store.getWorkspace(doomed.workspace.id)).toBeNull()
      expect(await store.listParties(doomed.workspace.id)).toEqual([])
      expect(await store.listMembers(doomed.workspace.id)).toEqual([])
      expect(await store.findMemberBySession(doomed.creator.sessionHash)).toBeNull()
      expect(await store.listInvites(doomed.workspace.id)).toEqual([])
      expect(await store.findInviteByToken(doomed.participantInvite.tokenHash)).toBeNull()
      expect(await store.listDocuments(doomed.workspace.id)).toEqual([])
      expect(await store.listAudit(doomed.workspace.id, { limit: 10 })).toEqual([])
      expect(await storage.documents.load(doomedDoc.id)).toEqual({ state: null, updates: [], lastSeq: 0 })

      expect(await store.getWorkspace(kept.workspace.id)).toEqual(kept.workspace)
      expect(await store.listMembers(kept.workspace.id)).toHaveLength(1)
      expect((await storage.documents.load(keptDoc.id)).updates).toHaveLength(1)
    })

    it('[WS8] text round-trips exactly: Swedish letters, quotes, emoji and long challenges', async () => {
      const input = fixture()
      const challenge = `Ungas psykiska hälsa – "ingenting om oss utan oss" 🌱 ${'å'.repeat(1_900)}`
      await storage.workspaces.createWorkspace({ ...input, workspace: { ...input.workspace, challenge } })
      expect((await storage.workspaces.getWorkspace(input.workspace.id))?.challenge).toBe(challenge)
    })

    const versionOf = (documentId: string, label: string) => ({
      documentId,
      label,
      note: '',
      createdAt: at(10),
      createdBy: { memberId: id(), name: 'Karin', partyId: id(), partyName: 'Mora kommun' },
      sha256: 'a'.repeat(64),
      template: 'agreement' as const,
      templateVersion: 1,
      state: someUpdate(label),
      value: JSON.stringify({ label }),
    })

    it('[WS9] versions are numbered 1, 2, 3… per document without gaps, also under 20 concurrent saves', async () => {
      const input = fixture()
      await storage.workspaces.createWorkspace(input)
      const documentId = id()
      const numbers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          storage.versions.addVersion(
            versionOf(documentId, `v${i}`),
            entry(input.workspace.id, 'version-saved'),
          ),
        ),
      )
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      const other = await storage.versions.addVersion(
        versionOf(id(), 'annan'),
        entry(input.workspace.id, 'version-saved'),
      )
      expect(other).toBe(1)
      const listed = await storage.versions.listVersions(documentId)
      expect(listed.map((version) => version.number)).toEqual(numbers.slice().sort((a, b) => a - b))
      const fetched = await storage.versions.getVersion(documentId, 7)
      expect(fetched?.value).toBe(JSON.stringify({ label: listed[6]!.label }))
      const stateDoc = new Y.Doc()
      Y.applyUpdate(stateDoc, fetched!.state)
      expect(stateDoc.getText('t').toString()).toBe(listed[6]!.label)
      expect(await storage.versions.getVersion(documentId, 21)).toBeNull()
      const audit = await storage.workspaces.listAudit(input.workspace.id, { limit: 50 })
      expect(audit.filter((event) => event.type === 'version-saved')).toHaveLength(21)
    })

    it('[WS10] removing a document or its workspace removes its versions', async () => {
      const input = fixture()
      const store = storage.workspaces
      await store.createWorkspace(input)
      const document = {
        id: id(),
        workspaceId: input.workspace.id,
        template: 'agreement' as const,
        title: 'Ö',
        createdAt: at(3),
        createdBy: null,
        frozen: null,
      }
      const other = { ...document, id: id() }
      for (const each of [document, other]) {
        await store.addDocument(each, entry(input.workspace.id, 'document-created'))
        await storage.versions.addVersion(
          versionOf(each.id, 'v1'),
          entry(input.workspace.id, 'version-saved'),
        )
      }
      await store.removeDocument(document.id, entry(input.workspace.id, 'document-deleted'))
      expect(await storage.versions.listVersions(document.id)).toEqual([])
      expect(await storage.versions.listVersions(other.id)).toHaveLength(1)
      await store.deleteWorkspace(input.workspace.id)
      expect(await storage.versions.listVersions(other.id)).toEqual([])
    })

    it('[WS12] rotating an invite revokes it, adds its replacement and moves its members to it, in one transaction', async () => {
      const input = fixture()
      const store = storage.workspaces
      await store.createWorkspace(input)
      const joined: MemberRecord = {
        ...input.creator,
        id: id(),
        name: 'Aisha',
        role: 'participant',
        sessionHash: `session-${id()}`,
        inviteId: input.participantInvite.id,
      }
      await store.addMember(joined, entry(input.workspace.id, 'member-joined'))
      const replacement: InviteRecord = { ...input.participantInvite, id: id(), tokenHash: `invite-${id()}` }
      await store.rotateInvite(input.participantInvite.id, at(5), replacement, [
        entry(input.workspace.id, 'invite-rotated', 5),
        entry(input.workspace.id, 'invite-created', 5),
      ])
      const invites = await store.listInvites(input.workspace.id)
      expect(invites.find((invite) => invite.id === input.participantInvite.id)?.revokedAt).toBe(at(5))
      expect(invites.find((invite) => invite.id === replacement.id)).toEqual(replacement)
      expect((await store.getMember(joined.id))?.inviteId).toBe(replacement.id)
      // Withdrawing the replacement removes whoever joined through the old link.
      expect(
        await store.revokeInviteAndMembers(replacement.id, at(6), [
          entry(input.workspace.id, 'invite-revoked', 6),
        ]),
      ).toEqual([joined.id])
      // A clash (the replacement's id taken) writes nothing of the rotation.
      const second = fixture()
      await store.createWorkspace(second)
      await expect(
        store.rotateInvite(
          second.participantInvite.id,
          at(7),
          { ...replacement, workspaceId: second.workspace.id },
          [entry(second.workspace.id, 'invite-rotated', 7)],
        ),
      ).rejects.toThrow()
      expect((await store.listInvites(second.workspace.id))[0]?.revokedAt).toBeNull()
    })

    it('[WS13] a workspace keeps what its screens show, and loses it with the workspace', async () => {
      const input = fixture()
      const store = storage.workspaces
      await store.createWorkspace(input)
      expect(await store.getScreenFocus(input.workspace.id)).toBeNull()
      const focus = { kind: 'cafe' as const, documentId: id(), setBy: 'Karin', setAt: at(3) }
      await store.setScreenFocus(input.workspace.id, focus)
      expect(await store.getScreenFocus(input.workspace.id)).toEqual(focus)
      const join = {
        kind: 'join' as const,
        url: 'http://192.168.1.20:8080/join#abc',
        setBy: 'Karin',
        setAt: at(4),
      }
      await store.setScreenFocus(input.workspace.id, join)
      expect(await store.getScreenFocus(input.workspace.id)).toEqual(join)
      await store.deleteWorkspace(input.workspace.id)
      expect(await store.getScreenFocus(input.workspace.id)).toBeNull()
    })

    it('[WS14] each party keeps its own diarienummer for the workspace and each document, replaced, removed, audited, and gone with the document and the workspace', async () => {
      const input = fixture()
      const store = storage.workspaces
      await store.createWorkspace(input)
      const [kommun, forening] = input.parties
      const document = {
        id: id(),
        workspaceId: input.workspace.id,
        template: 'agreement' as const,
        title: 'Överenskommelse',
        createdAt: at(3),
        createdBy: input.creator.id,
        frozen: null,
      }
      await store.addDocument(document, entry(input.workspace.id, 'document-created', 3))
      const workspaceId = input.workspace.id
      await store.setReference(
        workspaceId,
        null,
        kommun!.id,
        'KS 2027/41',
        entry(workspaceId, 'reference-recorded', 4),
      )
      await store.setReference(
        workspaceId,
        document.id,
        kommun!.id,
        'Dnr 1',
        entry(workspaceId, 'reference-recorded', 5),
      )
      await store.setReference(
        workspaceId,
        document.id,
        kommun!.id,
        'Dnr 2 – åäö',
        entry(workspaceId, 'reference-recorded', 6),
      )
      await store.setReference(
        workspaceId,
        document.id,
        forening!.id,
        'FG/12',
        entry(workspaceId, 'reference-recorded', 7),
      )
      expect(await store.listReferences(workspaceId)).toEqual(
        expect.arrayContaining([
          { documentId: null, partyId: kommun!.id, reference: 'KS 2027/41' },
          { documentId: document.id, partyId: kommun!.id, reference: 'Dnr 2 – åäö' },
          { documentId: document.id, partyId: forening!.id, reference: 'FG/12' },
        ]),
      )
      expect(await store.listReferences(workspaceId)).toHaveLength(3)
      await store.setReference(
        workspaceId,
        document.id,
        forening!.id,
        null,
        entry(workspaceId, 'reference-recorded', 8),
      )
      expect(await store.listReferences(workspaceId)).toHaveLength(2)
      const audit = await store.listAudit(workspaceId, { limit: 10 })
      expect(audit.filter((event) => event.type === 'reference-recorded')).toHaveLength(5)
      await store.removeDocument(document.id, entry(workspaceId, 'document-deleted', 9))
      expect(await store.listReferences(workspaceId)).toEqual([
        { documentId: null, partyId: kommun!.id, reference: 'KS 2027/41' },
      ])
      await store.deleteWorkspace(workspaceId)
      expect(await store.listReferences(workspaceId)).toEqual([])
    })

    it('[WS15] a member marked as decision-maker reads back so everywhere members are read, audited, and unmarked again', async () => {
      const input = fixture()
      const store = storage.workspaces
      await store.createWorkspace(input)
      const member = input.creator.id
      expect((await store.getMember(member))?.decisionMaker).toBeUndefined()
      await store.setDecisionMaker(member, true, entry(input.workspace.id, 'decision-maker-changed', 2))
      expect((await store.getMember(member))?.decisionMaker).toBe(true)
      expect((await store.listMembers(input.workspace.id))[0]?.decisionMaker).toBe(true)
      expect((await store.findMemberBySession(input.creator.sessionHash))?.decisionMaker).toBe(true)
      await store.setDecisionMaker(member, false, entry(input.workspace.id, 'decision-maker-changed', 3))
      expect((await store.getMember(member))?.decisionMaker).toBeUndefined()
      const audit = await store.listAudit(input.workspace.id, { limit: 10 })
      expect(audit.filter((event) => event.type === 'decision-maker-changed')).toHaveLength(2)
    })

    it('[WS11] each party approves a version once; approvals list by version and go with the document', async () => {
      const input = fixture()
      const store = storage.workspaces
      await store.createWorkspace(input)
      const document = {
        id: id(),
        workspaceId: input.workspace.id,
        template: 'agreement' as const,
        title: 'Ö',
        createdAt: at(3),
        createdBy: null,
        frozen: null,
      }
      await store.addDocument(document, entry(input.workspace.id, 'document-created'))
      const number = await storage.versions.addVersion(
        versionOf(document.id, 'v1'),
        entry(input.workspace.id, 'version-saved'),
      )
      const approval = (partyId: string, name: string) => ({
        partyId,
        partyName: name,
        memberId: id(),
        name,
        at: at(20),
      })
      const [kommun, forening] = input.parties
      expect(
        await storage.versions.addApproval(
          document.id,
          number,
          approval(kommun!.id, 'Karin'),
          entry(input.workspace.id, 'version-approved'),
        ),
      ).toBe(true)
      expect(
        await storage.versions.addApproval(
          document.id,
          number,
          approval(kommun!.id, 'Kalle'),
          entry(input.workspace.id, 'version-approved'),
        ),
      ).toBe(false)
      expect(
        await storage.versions.addApproval(
          document.id,
          number,
          { ...approval(forening!.id, 'Aisha'), identity: verifiedAisha },
          entry(input.workspace.id, 'version-approved'),
        ),
      ).toBe(true)
      const approvals = await storage.versions.listApprovals(document.id)
      expect(approvals.get(number)?.map((a) => a.name)).toEqual(['Karin', 'Aisha'])
      // An approval made signed in keeps its verified identity; one made without has none.
      expect(approvals.get(number)?.map((a) => a.identity)).toEqual([undefined, verifiedAisha])
      const audit = await store.listAudit(input.workspace.id, { limit: 20 })
      expect(audit.filter((event) => event.type === 'version-approved')).toHaveLength(2)
      await store.removeDocument(document.id, entry(input.workspace.id, 'document-deleted'))
      expect((await storage.versions.listApprovals(document.id)).size).toBe(0)
    })

    it('[WS16] a party records its decision on a version once, members recommend once each, both go with the document', async () => {
      const input = fixture()
      const store = storage.workspaces
      await store.createWorkspace(input)
      const document = {
        id: id(),
        workspaceId: input.workspace.id,
        template: 'agreement' as const,
        title: 'Ö',
        createdAt: at(3),
        createdBy: null,
        frozen: null,
      }
      await store.addDocument(document, entry(input.workspace.id, 'document-created'))
      const number = await storage.versions.addVersion(
        versionOf(document.id, 'v1'),
        entry(input.workspace.id, 'version-saved'),
      )
      const [kommun, forening] = input.parties
      const decision = {
        partyId: kommun!.id,
        partyName: 'Mora kommun',
        body: 'Kommunstyrelsen',
        date: '2027-03-14',
        paragraph: '§ 12 – åäö',
        recordedBy: 'Karin',
        at: at(21),
      }
      const decide = (value: typeof decision) =>
        storage.versions.addDecision(
          document.id,
          number,
          value,
          entry(input.workspace.id, 'decision-recorded'),
        )
      expect(await decide(decision)).toBe(true)
      expect(await decide({ ...decision, body: 'Annat' })).toBe(false)
      expect((await storage.versions.listDecisions(document.id)).get(number)).toEqual([decision])
      const member = id()
      const recommendation = {
        partyId: forening!.id,
        partyName: 'Föreningen',
        memberId: member,
        name: 'Bea',
        at: at(22),
      }
      const recommend = () =>
        storage.versions.addRecommendation(
          document.id,
          number,
          recommendation,
          entry(input.workspace.id, 'version-recommended'),
        )
      expect(await recommend()).toBe(true)
      expect(await recommend()).toBe(false)
      expect((await storage.versions.listRecommendations(document.id)).get(number)).toEqual([recommendation])
      const audit = await store.listAudit(input.workspace.id, { limit: 20 })
      expect(audit.filter((event) => event.type === 'decision-recorded')).toHaveLength(1)
      expect(audit.filter((event) => event.type === 'version-recommended')).toHaveLength(1)
      await store.removeDocument(document.id, entry(input.workspace.id, 'document-deleted'))
      expect((await storage.versions.listDecisions(document.id)).size).toBe(0)
      expect((await storage.versions.listRecommendations(document.id)).size).toBe(0)
    })

    it('[WS17] a membership bound to an organisation account is found by the account, per workspace and across workspaces', async () => {
      const store = storage.workspaces
      const first = fixture()
      const second = fixture()
      const account = { issuer: 'https://login.example.se', subject: 'karin-123', name: 'Karin Ek' }
      await store.createWorkspace({ ...first, creator: { ...first.creator, identity: account } })
      await store.createWorkspace(second)
      const bound: MemberRecord = {
        ...second.creator,
        id: id(),
        name: 'Karin i andra',
        sessionHash: `session-${id()}`,
        role: 'participant',
        joinedAt: at(5),
        identity: account,
      }
      await store.addMember(bound, entry(second.workspace.id, 'member-joined'))
      expect(await store.getMember(bound.id)).toEqual(bound)
      expect(await store.findMemberByAccount(first.workspace.id, account.issuer, account.subject)).toEqual({
        ...first.creator,
        identity: account,
      })
      expect(await store.findMemberByAccount(second.workspace.id, account.issuer, account.subject)).toEqual(
        bound,
      )
      // The same subject at another provider is another person.
      expect(
        await store.findMemberByAccount(first.workspace.id, 'https://other.example', account.subject),
      ).toBeNull()
      expect((await store.listMembersByAccount(account.issuer, account.subject)).map((m) => m.id)).toEqual([
        first.creator.id,
        bound.id,
      ])
      await store.removeMember(bound.id, entry(second.workspace.id, 'member-removed'))
      expect(await store.findMemberByAccount(second.workspace.id, account.issuer, account.subject)).toBeNull()
      expect(await store.listMembersByAccount(account.issuer, account.subject)).toHaveLength(1)
    })

    it('[WS18] an account session is found by its hash until it is removed', async () => {
      const store = storage.workspaces
      const session = {
        sessionHash: `account-${id()}`,
        identity: { issuer: 'https://login.example.se', subject: 'karin-123', name: 'Karin Ek' },
        idToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJrYXJpbi0xMjMifQ.c2lnbmF0dXJl',
        createdAt: at(7),
      }
      await store.addAccountSession(session)
      expect(await store.findAccountSession(session.sessionHash)).toEqual(session)
      expect(await store.findAccountSession('nobody')).toBeNull()
      await store.removeAccountSession(session.sessionHash)
      expect(await store.findAccountSession(session.sessionHash)).toBeNull()
      // Sessions created before a moment go together; later ones stay.
      const older = { ...session, sessionHash: `account-${id()}`, createdAt: at(1) }
      const newer = { ...session, sessionHash: `account-${id()}`, createdAt: at(30) }
      await store.addAccountSession(older)
      await store.addAccountSession(newer)
      expect(await store.removeAccountSessionsBefore(at(10))).toBe(1)
      expect(await store.findAccountSession(older.sessionHash)).toBeNull()
      expect(await store.findAccountSession(newer.sessionHash)).toEqual(newer)
    })
  })
}
