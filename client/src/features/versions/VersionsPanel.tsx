import { createResource, createSignal, For, onCleanup, Show } from 'solid-js'
import { can } from '../../../../shared/access/permissions'
import * as versionApi from '../../../../shared/api/version-routes'
import type { WorkspaceView } from '../../../../shared/api/workspace-api'
import type { DocumentRecord } from '../../../../shared/schema/document-record'
import type { VersionView } from '../../../../shared/schema/version'
import type { Revision } from '../../../../shared/schema/version-diff'
import { templates } from '../../../../shared/templates'
import { call, linkTo } from '../../api/api'
import { createPolledResource } from '../../api/createPolledResource'
import { useI18n } from '../../i18n/i18n'
import type { DocumentSession } from '../../model/createDocumentSession'
import { PartyMark } from '../../ui/PartyMark'
import { DecisionForm } from './DecisionForm'
import { DiffView } from './DiffView'
import { ReferenceForm } from './ReferenceForm'

/**
 * The server says over the document's connection when a version is saved or approved, and the list is fetched
 * then; this slow poll only covers a connection that is down.
 */
const REFRESH_MS = 60_000

/**
 * Versioner: save the document as a numbered version, see who saved and who approved each, compare any two
 * (or one with the document as it is now), restore one, approve for one's own party, download or file it.
 */
export const VersionsPanel = (props: {
  readonly record: DocumentRecord
  readonly view: WorkspaceView
  readonly session: Pick<DocumentSession, 'onVersionsChanged'>
}) => {
  const { t, locale, formatDateTime } = useI18n()
  const me = props.view.me
  const documentId = props.record.id
  const versionLink = (number: number, format: 'html' | 'pdf' | 'docx') =>
    linkTo(versionApi.getVersion, { params: { documentId, number }, query: { format, lang: locale() } })
  const [versions, { refetch }] = createPolledResource(
    async () => (await call(versionApi.listVersions, { params: { documentId } })).versions,
    REFRESH_MS,
  )
  onCleanup(props.session.onVersionsChanged(() => void refetch()))
  const [label, setLabel] = createSignal('')
  const [note, setNote] = createSignal('')
  const [message, setMessage] = createSignal<string | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  /** An action waiting for a second click: approving an older version, or restoring. */
  const [confirming, setConfirming] = createSignal<{ kind: 'approve' | 'restore'; number: number } | null>(
    null,
  )
  const [compare, setCompare] = createSignal<{ from: Revision; to: Revision } | null>(null)
  const [diff] = createResource(compare, ({ from, to }) =>
    call(versionApi.diffVersions, { params: { documentId }, query: { from, to } }),
  )
  const newest = () => Math.max(0, ...(versions() ?? []).map((version) => version.number))
  const newestFirst = () => [...(versions() ?? [])].reverse()

  const run = async (work: () => Promise<string>) => {
    setError(null)
    setMessage(null)
    try {
      setMessage(await work())
      await refetch()
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    }
  }
  const save = (event: SubmitEvent) => {
    event.preventDefault()
    void run(async () => {
      const saved = await call(versionApi.saveVersion, {
        params: { documentId },
        body: {
          label: label().trim() || t('versionDefaultLabel'),
          ...(note().trim() ? { note: note() } : {}),
        },
      })
      setLabel('')
      setNote('')
      return t('versionSaved', { number: saved.number })
    })
  }
  const approve = (version: VersionView) => {
    if (version.number < newest() && confirming()?.number !== version.number) {
      setConfirming({ kind: 'approve', number: version.number })
      return
    }
    setConfirming(null)
    void run(async () => {
      await call(versionApi.approveVersion, {
        params: { documentId, number: version.number },
        body: { partyId: me.partyId },
      })
      return t('versionApproved', { number: version.number })
    })
  }
  const recommend = (version: VersionView) =>
    void run(async () => {
      await call(versionApi.recommendVersion, { params: { documentId, number: version.number } })
      return t('versionRecommendedBy', { names: me.name })
    })
  const restore = (version: VersionView) => {
    if (confirming()?.kind !== 'restore' || confirming()?.number !== version.number) {
      setConfirming({ kind: 'restore', number: version.number })
      return
    }
    setConfirming(null)
    void run(async () => {
      const saved = await call(versionApi.restoreVersion, {
        params: { documentId, number: version.number },
      })
      return t('versionRestored', { number: version.number, saved: saved.number })
    })
  }
  const revisionName = (revision: Revision) =>
    revision === 'live' ? t('versionLive') : t('versionNumber', { number: revision })
  const savedBy = (revision: Revision) => {
    const version = versions()?.find((candidate) => candidate.number === revision)
    return version === undefined
      ? ''
      : t('versionSavedBy', {
          name: version.createdBy.name,
          party: version.createdBy.partyName,
          time: formatDateTime(version.createdAt),
        })
  }
  const myPartyName = () => props.view.parties.find((party) => party.id === me.partyId)?.name ?? ''
  const mine = (version: VersionView) => version.approvals.some((approval) => approval.partyId === me.partyId)

  return (
    <div class="versions-panel">
      <ReferenceForm documentId={documentId} view={props.view} />
      <Show when={can(me.role, 'version.save')}>
        <form class="version-save" onSubmit={save}>
          <label for="version-label">{t('versionLabel')}</label>
          <input
            id="version-label"
            value={label()}
            maxLength={200}
            placeholder={t('versionLabelPlaceholder')}
            onInput={(event) => setLabel(event.currentTarget.value)}
          />
          <label for="version-note">{t('versionNote')}</label>
          <textarea
            id="version-note"
            rows={2}
            value={note()}
            maxLength={2000}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
          <button type="submit" class="button">
            {t('saveVersion')}
          </button>
        </form>
      </Show>
      <p role="status" class="version-message">
        {message() ?? ''}
      </p>
      <Show when={error()}>
        {(text) => (
          <p role="alert" class="error">
            {text()}
          </p>
        )}
      </Show>

      <Show when={compare()}>
        {(pair) => (
          <section class="version-compare" aria-labelledby="compare-title">
            <h3 id="compare-title">
              {t('compareTitle', { from: revisionName(pair().from), to: revisionName(pair().to) })}
            </h3>
            <p class="hint">
              {[savedBy(pair().from), savedBy(pair().to)].filter((text) => text !== '').join(' · ')}
            </p>
            <div class="compare-pickers">
              <For each={['from', 'to'] as const}>
                {(end) => (
                  <label>
                    {t(end === 'from' ? 'compareFrom' : 'compareTo')}{' '}
                    <select
                      value={String(pair()[end])}
                      onChange={(event) =>
                        setCompare({ ...pair(), [end]: revisionOf(event.currentTarget.value) })
                      }
                    >
                      <For each={versions() ?? []}>
                        {(version) => <option value={version.number}>{revisionName(version.number)}</option>}
                      </For>
                      <option value="live">{t('versionLive')}</option>
                    </select>
                  </label>
                )}
              </For>
              <button type="button" class="button button-quiet" onClick={() => setCompare(null)}>
                {t('compareClose')}
              </button>
            </div>
            <Show when={diff()} fallback={<p>{diff.error ? String(diff.error) : t('loading')}</p>}>
              {(loaded) => <DiffView diff={loaded()} template={templates[props.record.template]} />}
            </Show>
          </section>
        )}
      </Show>

      <Show when={(versions() ?? []).length > 0} fallback={<p class="hint">{t('versionsNone')}</p>}>
        <ol class="version-list" reversed>
          <For each={newestFirst()}>
            {(version) => (
              <li class="version" data-version={version.number}>
                <h3>
                  {t('versionNumber', { number: version.number })} · {version.label}
                </h3>
                <p class="hint">
                  {t('versionSavedBy', {
                    name: version.createdBy.name,
                    party: version.createdBy.partyName,
                    time: formatDateTime(version.createdAt),
                  })}
                </p>
                <Show when={version.note !== ''}>
                  <p class="version-note">{version.note}</p>
                </Show>
                <ul class="approvals" aria-label={t('approvals')}>
                  <For each={props.view.parties}>
                    {(party) => {
                      const given = () => version.approvals.find((approval) => approval.partyId === party.id)
                      return (
                        <li data-approved={given() !== undefined}>
                          <PartyMark
                            name={party.name}
                            kind={party.kind}
                            kindLabel={t(party.kind === 'public' ? 'kindPublic' : 'kindNonprofit')}
                          />
                          :{' '}
                          <Show when={given()} fallback={<span>{t('notApprovedYet')}</span>}>
                            {(approval) => (
                              <span>
                                ✓{' '}
                                {t('approvedBy', {
                                  name: approval().name,
                                  time: formatDateTime(approval().at),
                                })}
                                <Show when={approval().identity}>
                                  {(identity) => (
                                    <span
                                      class="verified-mark"
                                      data-verified
                                      title={t('verifiedSignInTitle', { issuer: identity().issuer })}
                                    >
                                      {' '}
                                      ({t('verifiedSignIn')})
                                    </span>
                                  )}
                                </Show>
                              </span>
                            )}
                          </Show>
                        </li>
                      )
                    }}
                  </For>
                </ul>
                <Show when={version.recommendations.length > 0}>
                  <p class="hint" data-recommended="true">
                    {t('versionRecommendedBy', {
                      names: version.recommendations
                        .map((entry) => `${entry.name} (${entry.partyName})`)
                        .join(', '),
                    })}
                  </p>
                </Show>
                <DecisionForm
                  documentId={documentId}
                  version={version}
                  partyId={me.partyId}
                  decisionMaker={me.decisionMaker === true}
                  onRecorded={() => void refetch()}
                />
                <Show when={!version.intact}>
                  <p class="error" role="alert" data-intact="false">
                    {t('versionDamaged')}
                  </p>
                </Show>
                <Show when={version.agreedByAllParties}>
                  <p class="agreed" data-agreed="true">
                    {t('agreedByAll')}
                  </p>
                </Show>
                <div class="version-actions">
                  <a
                    class="button button-quiet"
                    href={versionLink(version.number, 'html')}
                    target="_blank"
                    rel="noopener"
                  >
                    {t('versionOpen')}
                  </a>
                  <Show when={version.number > 1}>
                    <button
                      type="button"
                      class="button button-quiet"
                      onClick={() => setCompare({ from: version.number - 1, to: version.number })}
                    >
                      {t('versionCompare')}
                    </button>
                  </Show>
                  <button
                    type="button"
                    class="button button-quiet"
                    onClick={() => setCompare({ from: version.number, to: 'live' })}
                  >
                    {t('versionCompareLive')}
                  </button>
                  <Show when={can(me.role, 'version.save')}>
                    <button type="button" class="button button-quiet" onClick={() => restore(version)}>
                      {t('versionRestore')}
                    </button>
                  </Show>
                  <Show when={can(me.role, 'version.approve') && !mine(version)}>
                    <Show
                      when={me.decisionMaker === true}
                      fallback={
                        <>
                          <p class="hint" data-decision-makers-only="true">
                            {t('versionDecisionMakersOnly', { party: myPartyName() })}
                          </p>
                          <Show when={!version.recommendations.some((entry) => entry.memberId === me.id)}>
                            <button
                              type="button"
                              class="button button-quiet"
                              onClick={() => recommend(version)}
                            >
                              {t('versionRecommend', { party: myPartyName() })}
                            </button>
                          </Show>
                        </>
                      }
                    >
                      <button type="button" class="button" onClick={() => approve(version)}>
                        {t('versionApprove', { party: myPartyName() })}
                      </button>
                    </Show>
                  </Show>
                  <a class="button button-quiet" href={versionLink(version.number, 'pdf')} download="">
                    PDF
                  </a>
                  <a class="button button-quiet" href={versionLink(version.number, 'docx')} download="">
                    DOCX
                  </a>
                  <a
                    class="button button-quiet"
                    href={linkTo(versionApi.getVersionBundle, {
                      params: { documentId, number: version.number },
                      query: { lang: locale() },
                    })}
                    download=""
                  >
                    {t('versionBundle')}
                  </a>
                </div>
                <Show when={confirming()?.number === version.number}>
                  <div class="confirm" role="alertdialog" aria-labelledby={`confirm-${version.number}`}>
                    <p id={`confirm-${version.number}`}>
                      {confirming()?.kind === 'approve'
                        ? t('confirmApproveOlder', { number: version.number, newest: newest() })
                        : t('confirmRestore', { number: version.number })}
                    </p>
                    <button
                      type="button"
                      class="button"
                      onClick={() => (confirming()?.kind === 'approve' ? approve(version) : restore(version))}
                    >
                      {confirming()?.kind === 'approve' ? t('confirmApprove') : t('confirmRestoreButton')}
                    </button>
                    <button type="button" class="button button-quiet" onClick={() => setConfirming(null)}>
                      {t('cancel')}
                    </button>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </div>
  )
}

const revisionOf = (value: string): Revision => (value === 'live' ? 'live' : Number(value))
