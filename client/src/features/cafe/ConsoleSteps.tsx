import { For, Show } from 'solid-js'
import type { CafeFlow } from '../../../../shared/cafe/cafe-control'
import { writeTimer } from '../../../../shared/cafe/cafe-control'
import { addMinute, pause, resume } from '../../../../shared/cafe/timer'
import { useI18n } from '../../i18n/i18n'
import { CafeTimerDisplay } from './CafeTimerDisplay'
import type { Cafe } from './createCafe'

/**
 * The console's left column: the café's steps in order, each round with its question and duration, the
 * current one marked; the shared timer and its controls under the current round; and the one big button
 * that moves the café on.
 */
export const ConsoleSteps = (props: {
  readonly cafe: Cafe
  readonly steps: readonly CafeFlow[]
  readonly isCurrent: (step: CafeFlow) => boolean
  readonly goTo: (step: CafeFlow) => void
  readonly next: () => void
  readonly restartTimer: () => void
  readonly placeholderRounds: readonly number[]
  readonly message: string | null
}) => {
  const { t } = useI18n()
  const cafe = props.cafe
  const flow = () => cafe.control().flow
  const timer = () => cafe.control().timer
  const label = (step: CafeFlow) =>
    step.phase === 'round'
      ? t('cafeRoundNumber', { number: step.round + 1 })
      : t(
          step.phase === 'check-in'
            ? 'cafeCheckIn'
            : step.phase === 'check-out'
              ? 'cafeCheckOut'
              : 'cafeHarvest',
        )
  const isLast = () => props.isCurrent(props.steps.at(-1) ?? { phase: 'harvest', round: 0 })
  return (
    <nav class="console-steps" aria-label={t('cafeSteps')}>
      <Show when={!isLast()}>
        <button type="button" class="button button-primary console-next" onClick={() => props.next()}>
          {flow().phase === 'setup' ? t('cafeStart') : t('cafeNext')}
        </button>
      </Show>
      <Show when={props.placeholderRounds.length > 0}>
        <p class="error" role="alert" data-placeholder-warning="true">
          {t('cafePlaceholderWarning', { rounds: props.placeholderRounds.join(', ') })}
        </p>
      </Show>
      <p role="status" class="hint">
        {props.message ?? ''}
      </p>
      <ol class="step-list">
        <For each={props.steps}>
          {(step) => {
            const question = () => (step.phase === 'round' ? cafe.questions()[step.round] : undefined)
            return (
              <li class="step" data-current={props.isCurrent(step) ? 'true' : undefined}>
                <button
                  type="button"
                  class="step-button"
                  aria-current={props.isCurrent(step) ? 'step' : undefined}
                  onClick={() => props.goTo(step)}
                >
                  <span class="step-name">{label(step)}</span>
                  <Show when={question()}>
                    {(round) => (
                      <>
                        <span class="step-minutes">{t('cafeMinutes', { count: round().minutes ?? 20 })}</span>
                        <span class="step-question">{round().question}</span>
                      </>
                    )}
                  </Show>
                </button>
                <Show when={step.phase === 'round' && props.isCurrent(step)}>
                  <div class="step-timer">
                    <CafeTimerDisplay timer={timer} serverNow={cafe.serverNow} />
                    <div class="button-row">
                      <Show when={timer().state === 'running'}>
                        <button
                          type="button"
                          class="button"
                          onClick={() => writeTimer(cafe.controlDoc, pause(timer(), cafe.serverNow()))}
                        >
                          {t('timerPause')}
                        </button>
                      </Show>
                      <Show when={timer().state === 'paused'}>
                        <button
                          type="button"
                          class="button"
                          onClick={() => writeTimer(cafe.controlDoc, resume(timer(), cafe.serverNow()))}
                        >
                          {t('timerResume')}
                        </button>
                      </Show>
                      <button
                        type="button"
                        class="button"
                        onClick={() => writeTimer(cafe.controlDoc, addMinute(timer()))}
                      >
                        {t('timerAddMinute')}
                      </button>
                      <button type="button" class="button button-quiet" onClick={() => props.restartTimer()}>
                        {t('timerRestart')}
                      </button>
                    </div>
                  </div>
                </Show>
              </li>
            )
          }}
        </For>
      </ol>
    </nav>
  )
}
