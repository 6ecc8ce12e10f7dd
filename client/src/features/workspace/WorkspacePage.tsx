import { A, useNavigate, useParams } from '@solidjs/router'
import { createResource, createSignal, For, Show } from 'solid-js'
import { can } from '../../../../shared/access/permissions'
import * as aidApi from '../../../../shared/api/aid-routes'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import type { AuditEventType } from '../../../../shared/schema/audit-event'
import type { InviteLink } from '../../../../shared/schema/invite'
import type { Role } from '../../../../shared/schema/role'
import type { TemplateId } from '../../../../shared/schema/template-id'
import { templates } from '../../../../shared/templates'
import type { ProcessPhase } from '../../../../shared/templates/template'
import { ApiRequestError, call, rememberWorkspace } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'
import { Avatar } from '../../ui/Avatar'
import { CopyButton } from '../../ui/CopyButton'
import { partyColor } from '../../ui/colors'
import { PartyMark } from '../../ui/PartyMark'
import { QrCode } from '../../ui/QrCode'
import { PartnershipCalendar } from '../aids/PartnershipCalendar'
import { PartnershipStatusPanel } from '../aids/PartnershipStatusPanel'
import { ShowOnScreenButton } from '../screen/ShowOnScreenButton'

const phases: ReadonlyArray<{ phase: ProcessPhase; label: MessageKey }> = [
  { phase: 'inleda', label: 'phaseInleda' },
  { phase: 'genomfora', label: 'phaseGenomfora' },
  { phase: 'folja-upp', label: 'phaseFoljaUpp' },
  { phase: 'avsluta', label: 'phaseAvsluta' },
]

const auditLabel: Record<AuditEventType, MessageKey> = {
  'workspace-created': 'auditWorkspaceCreated',
  'member-joined': 'auditMemberJoined',
  'member-removed': 'auditMemberRemoved',
  'member-left': 'auditMemberLeft',
  'party-added': 'auditPartyAdded',
  'party-removed': 'auditPartyRemoved',
  'invite-created': 'auditInviteCreated',
  'invite-rotated': 'auditInviteRotated',
  'invite-revoked': 'auditInviteRevoked',
  'document-created': 'auditDocumentCreated',
  'document-deleted': 'auditDocumentDeleted',
  'version-saved': 'auditVersionSaved',
  'version-approved': 'auditVersionApproved',
  'document-frozen': 'auditDocumentFrozen',
  'document-unfrozen': 'auditDocumentUnfrozen',
  'initiative-recorded': 'auditInitiativeRecorded',
  'vocabulary-changed': 'auditVocabularyChanged',
  'reference-recorded': 'auditReferenceRecorded',
  'decision-maker-changed': 'auditDecisionMakerChanged',
  'decision-recorded': 'auditDecisionRecorded',
  'version-recommended': 'auditVersionRecommended',
}

const roleLabel: Record<Role, MessageKey> = {
  facilitator: 'roleFacilitator',
  participant: 'roleParticipant',
  viewer: 'roleViewer',
}

/** The partnership's home: who is in it, and its documents by the four steps of the process. */
const WorkspacePage = () => {
  const { t, locale, formatDateTime } = useI18n()
  const params = useParams<{ workspaceId: string }>()
  const navigate = useNavigate()
  const [view, { refetch: refetchView }] = createResource(
    () => params.workspaceId,
    async (id) => {
      const loaded = await call(workspaceApi.getWorkspace, { params: { workspaceId: id } })
      rememberWorkspace({ id: loaded.workspace.id, name: loaded.workspace.name })
      if (loaded.me.role === 'viewer') navigate(`/w/${id}/skarm`, { replace: true })
      return loaded
    },
  )
  const [template, setTemplate] = createSignal<TemplateId>('dwa-1')
  const [title, setTitle] = createSignal('')
  const [invite, setInvite] = createSignal<InviteLink | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  const [audit] = createResource(
    () => (view() === undefined ? null : params.workspaceId),
    (id) => call(workspaceApi.getAudit, { params: { workspaceId: id }, query: { limit: 50 } }),
  )

  const createDocument = async (event: SubmitEvent) => {
    event.preventDefault()
    setError(null)
    try {
      const chosen = templates[template()]
      const document = await call(workspaceApi.createDocument, {
        params: { workspaceId: params.workspaceId },
        body: { template: template(), title: title().trim() || chosen.title[locale()] },
      })
      navigate(`/w/${params.workspaceId}/d/${document.id}`)
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : String(caught))
    }
  }

  const createDraft = async () => {
    setError(null)
    try {
      const document = await call(aidApi.createAgreementDraft, {
        params: { workspaceId: params.workspaceId },
        body: {},
      })
      navigate(`/w/${params.workspaceId}/d/${document.id}`)
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : String(caught))
    }
  }

  const createInvite = async (role: Role) => {
    setInvite(
      await call(workspaceApi.createInvite, { params: { workspaceId: params.workspaceId }, body: { role } }),
    )
  }

  return (
    <div class="page">
      <Show when={!view.loading} fallback={<p>{t('loading')}</p>}>
        <Show
          when={view()}
          fallback={
            <p class="error" role="alert">
              {view.error instanceof ApiRequestError && view.error.status === 401
                ? t('notAMember')
                : t('errorGeneric', { message: String(view.error) })}
            </p>
          }
        >
          {(loaded) => {
            const partyOf = (id: string) => loaded().parties.find((party) => party.id === id)
            const me = () => loaded().me
            return (
              <>
                <header class="workspace-header">
                  <h1>{loaded().workspace.name}</h1>
                  <Show when={loaded().workspace.challenge !== ''}>
                    <p class="lead">{loaded().workspace.challenge}</p>
                  </Show>
                  <ul class="chips" aria-label={t('parties')}>
                    <For each={loaded().parties}>
                      {(party) => (
                        <li>
                          <PartyMark
                            name={party.name}
                            kind={party.kind}
                            kindLabel={t(party.kind === 'public' ? 'kindPublic' : 'kindNonprofit')}
                          />
                        </li>
                      )}
                    </For>
                  </ul>
                </header>

                <section aria-labelledby="members">
                  <h2 id="members">{t('whoIsHere')}</h2>
                  <ul class="members">
                    <For each={loaded().members.filter((member) => member.role !== 'viewer')}>
                      {(member) => {
                        const party = partyOf(member.partyId)
                        return (
                          <li>
                            <Avatar
                              name={member.name}
                              color={partyColor(party?.kind ?? 'public')}
                              kind={party?.kind ?? 'public'}
                              label={`${member.name}, ${party?.name ?? ''}`}
                            />
                            <span>
                              {member.name}
                              {member.id === me().id ? ` (${t('you')})` : ''} · {party?.name} ·{' '}
                              {t(roleLabel[member.role])}
                              {member.decisionMaker === true ? ` · ${t('decisionMaker')}` : ''}
                            </span>
                            {/* A party marks its own decision-makers: the box is there for its own members only. */}
                            <Show when={member.partyId === me().partyId && me().role !== 'viewer'}>
                              <label class="checkbox decision-maker">
                                <input
                                  type="checkbox"
                                  checked={member.decisionMaker === true}
                                  onChange={(event) => {
                                    const decisionMaker = event.currentTarget.checked
                                    void call(workspaceApi.setDecisionMaker, {
                                      params: { workspaceId: params.workspaceId, memberId: member.id },
                                      body: { decisionMaker },
                                    })
                                      .then(() => refetchView())
                                      .catch((caught: unknown) => setError(String(caught)))
                                  }}
                                />
                                {t('decisionMakerMark', { name: member.name })}
                              </label>
                            </Show>
                          </li>
                        )
                      }}
                    </For>
                  </ul>
                </section>

                <section aria-labelledby="documents">
                  <h2 id="documents" class="visually-hidden">
                    {t('workspaceTitle')}
                  </h2>
                  <div class="phases">
                    <For each={phases}>
                      {({ phase, label }) => {
                        const documents = () =>
                          loaded().documents.filter(
                            (document) => templates[document.template].phase === phase,
                          )
                        return (
                          <section class="phase" aria-labelledby={`phase-${phase}`}>
                            <h3 id={`phase-${phase}`}>{t(label)}</h3>
                            <Show
                              when={documents().length > 0}
                              fallback={<p class="hint">{t('noDocuments')}</p>}
                            >
                              <ul class="link-list">
                                <For each={documents()}>
                                  {(document) => (
                                    <li>
                                      <A href={`/w/${loaded().workspace.id}/d/${document.id}`}>
                                        {document.title}
                                      </A>
                                      <Show when={document.template === 'cafe'}>
                                        {' '}
                                        ·{' '}
                                        <A href={`/w/${loaded().workspace.id}/cafe/${document.id}`}>
                                          {t('cafeOpen')}
                                        </A>
                                      </Show>
                                      <span class="hint">
                                        {' '}
                                        · {templates[document.template].title[locale()]}
                                      </span>
                                    </li>
                                  )}
                                </For>
                              </ul>
                            </Show>
                          </section>
                        )
                      }}
                    </For>
                  </div>
                </section>

                <Show when={can(me().role, 'document.create')}>
                  <section aria-labelledby="new-document" class="card">
                    <h2 id="new-document">{t('newDocument')}</h2>
                    <form class="form" onSubmit={(event) => void createDocument(event)}>
                      <fieldset>
                        <legend>{t('template')}</legend>
                        <For each={Object.values(templates)}>
                          {(each) => (
                            <label class="choice">
                              <input
                                type="radio"
                                name="template"
                                value={each.id}
                                checked={template() === each.id}
                                onChange={() => setTemplate(each.id)}
                              />{' '}
                              <strong>{each.title[locale()]}</strong> – {each.purpose[locale()]}
                            </label>
                          )}
                        </For>
                      </fieldset>
                      <label for="doc-title">{t('title')}</label>
                      <input
                        id="doc-title"
                        maxLength={200}
                        value={title()}
                        placeholder={templates[template()].title[locale()]}
                        onInput={(e) => setTitle(e.currentTarget.value)}
                      />
                      <Show when={error()}>
                        <p class="error" role="alert">
                          {t('errorGeneric', { message: error()! })}
                        </p>
                      </Show>
                      <button type="submit" class="button button-primary">
                        {t('createDocument')}
                      </button>
                    </form>
                    <button type="button" class="button" onClick={() => void createDraft()}>
                      {t('draftFromWorksheets')}
                    </button>
                  </section>
                </Show>

                <PartnershipStatusPanel workspaceId={params.workspaceId} />
                <PartnershipCalendar workspaceId={params.workspaceId} />

                <Show when={can(me().role, 'invite.manage')}>
                  <section aria-labelledby="new-invite" class="card">
                    <h2 id="new-invite">{t('newInvite')}</h2>
                    <div class="button-row">
                      <For each={['facilitator', 'participant', 'viewer'] as const}>
                        {(role) => (
                          <button type="button" class="button" onClick={() => void createInvite(role)}>
                            {t(roleLabel[role])}
                          </button>
                        )}
                      </For>
                      <Show when={can(me().role, 'screen.control')}>
                        <ShowOnScreenButton
                          workspaceId={params.workspaceId}
                          label={t('showJoinOnScreen')}
                          content={async () => ({
                            kind: 'join',
                            url: (
                              await call(workspaceApi.createInvite, {
                                params: { workspaceId: params.workspaceId },
                                body: { role: 'participant' },
                              })
                            ).url,
                          })}
                        />
                      </Show>
                    </div>
                    <Show when={invite()}>
                      {(link) => (
                        <div class="invite">
                          <input
                            class="invite-url"
                            readOnly
                            value={link().url}
                            aria-label={t(roleLabel[link().role])}
                          />
                          <CopyButton text={link().url} label={t('copy')} copiedLabel={t('copied')} />
                          <QrCode text={link().url} alt={t('qrFor', { role: t(roleLabel[link().role]) })} />
                        </div>
                      )}
                    </Show>
                  </section>
                </Show>

                <details class="card">
                  <summary>
                    <h2 class="inline-heading">{t('auditLog')}</h2>
                  </summary>
                  <ol class="audit">
                    <For each={audit()?.events ?? []}>
                      {(event) => (
                        <li>
                          <time dateTime={event.at}>{formatDateTime(event.at)}</time> ·{' '}
                          {event.actor ? `${event.actor.name} (${event.actor.partyName}) ` : ''}
                          {t(auditLabel[event.type])}
                          {event.subject ? ` · ${event.subject.label}` : ''}
                        </li>
                      )}
                    </For>
                  </ol>
                </details>
              </>
            )
          }}
        </Show>
      </Show>
    </div>
  )
}

export default WorkspacePage
