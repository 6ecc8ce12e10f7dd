import { A } from '@solidjs/router'
import { type JSX, Match, Show, Switch } from 'solid-js'
import * as documentApi from '../../../../shared/api/document-routes'
import type { WorkspaceView } from '../../../../shared/api/workspace-api'
import type { DocumentRecord } from '../../../../shared/schema/document-record'
import { linkTo } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import { MenuButton } from '../../ui/MenuButton'
import { DocumentRoute } from '../document/DocumentRoute'
import { ShowOnScreenButton } from '../screen/ShowOnScreenButton'
import { CafeTimerDisplay } from './CafeTimerDisplay'
import { PhaseWall } from './CheckInWall'
import { type Cafe, createCafe } from './createCafe'
import { FacilitatorConsole } from './FacilitatorConsole'
import { HarvestBoard } from './HarvestBoard'
import { ParticipantView } from './ParticipantView'
import { SeatingPlan } from './SeatingPlan'

/** The shared screen's café: the question in large type, the timer and the seating plan; then the walls and the harvest. */
const CafeScreen = (props: { readonly cafe: Cafe; readonly title: string; readonly challenge: string }) => {
  const { t } = useI18n()
  const cafe = props.cafe
  const flow = () => cafe.control().flow
  return (
    <div class="screen-mode cafe-screen" data-phase={flow().phase}>
      <Switch>
        <Match when={flow().phase === 'setup'}>
          <h1>{props.title}</h1>
          <p>{props.challenge}</p>
        </Match>
        <Match when={flow().phase === 'check-in' || flow().phase === 'check-out'}>
          <PhaseWall cafe={cafe} large />
        </Match>
        <Match when={flow().phase === 'round'}>
          <p class="round-label">
            {t('cafeRoundOf', { number: flow().round + 1, count: cafe.questions().length })}
          </p>
          <h1 class="cafe-question">{cafe.questions()[flow().round]?.question}</h1>
          <CafeTimerDisplay timer={() => cafe.control().timer} serverNow={cafe.serverNow} large />
          <Show when={cafe.control().seating?.rounds[flow().round]}>
            {(tables) => <SeatingPlan tables={tables()} person={cafe.person} />}
          </Show>
        </Match>
        <Match when={flow().phase === 'harvest' || flow().phase === 'closed'}>
          <HarvestBoard harvest={cafe.harvest()} person={cafe.person} />
        </Match>
      </Switch>
    </div>
  )
}

export const CafeBody = (props: {
  readonly record: DocumentRecord
  readonly view: WorkspaceView
  readonly screen: boolean
}) => {
  const { t, locale } = useI18n()
  const facilitator = props.view.me.role === 'facilitator' && !props.screen
  const cafe = createCafe(props.record, props.view, props.screen || props.view.me.role === 'viewer')
  const base = `/w/${props.view.workspace.id}`
  if (props.screen) {
    return (
      <CafeScreen
        cafe={cafe}
        title={props.record.title}
        challenge={String(cafe.value.fields.challenge ?? '')}
      />
    )
  }
  const links: JSX.Element = (
    <nav class="downloads" aria-label={t('cafeLinks')}>
      <A href={`${base}/d/${props.record.id}`}>{t('cafeEditSetup')}</A>
      <Show when={facilitator}>
        <ShowOnScreenButton
          workspaceId={props.view.workspace.id}
          content={() => ({ kind: 'cafe', documentId: props.record.id })}
        />
        <MenuButton
          label={t('exportMenu')}
          items={(
            [
              ['pdf', 'PDF'],
              ['docx', 'DOCX (Word)'],
              ['md', 'Markdown'],
            ] as const
          ).map(([format, label]) => ({
            label,
            href: linkTo(documentApi.exportDocument, {
              params: { documentId: props.record.id },
              query: { format, lang: locale() },
            }),
          }))}
        />
      </Show>
    </nav>
  )
  return (
    <div class="cafe">
      <header class="document-header">
        <p class="breadcrumb">
          <A href={base}>{props.view.workspace.name}</A>
        </p>
        <h1>{props.record.title}</h1>
        <p class="sync-status" role="status" data-synced={cafe.synced()}>
          {cafe.synced() ? t('statusSaved') : t('statusConnecting')}
        </p>
        {links}
      </header>
      <Show
        when={facilitator}
        fallback={<ParticipantView cafe={cafe} me={props.view.me} documentId={props.record.id} />}
      >
        <FacilitatorConsole cafe={cafe} view={props.view} documentId={props.record.id} />
      </Show>
    </div>
  )
}

/** `/w/:workspaceId/cafe/:documentId` (and `/skarm` for the shared screen): a café, as the person's role sees it. */
export const CafePage = (props: { readonly screen?: boolean }) => {
  const { t } = useI18n()
  return (
    <DocumentRoute class={props.screen === true ? 'screen-page' : ''}>
      {(record, view) => (
        <Show
          when={record.template === 'cafe'}
          fallback={
            <p class="error" role="alert">
              {t('cafeNotACafe')}
            </p>
          }
        >
          <CafeBody record={record} view={view} screen={props.screen === true} />
        </Show>
      )}
    </DocumentRoute>
  )
}

export const CafeScreenPage = () => <CafePage screen />

export default CafePage
