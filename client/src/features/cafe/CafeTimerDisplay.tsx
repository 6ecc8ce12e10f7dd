import { createEffect, createSignal, on, Show } from 'solid-js'
import { announcement, type CafeTimer, remainingMs } from '../../../../shared/cafe/timer'
import { useI18n } from '../../i18n/i18n'

const SOUND_KEY = 'samverkstad.cafe.sound'

/** A soft two-note chime (Web Audio), only if the person turned sound on. */
const chime = () => {
  const context = new AudioContext()
  for (const [at, frequency] of [
    [0, 660],
    [0.25, 880],
  ] as const) {
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.frequency.value = frequency
    gain.gain.setValueAtTime(0.0001, context.currentTime + at)
    gain.gain.exponentialRampToValueAtTime(0.2, context.currentTime + at + 0.03)
    gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + at + 0.6)
    oscillator.connect(gain).connect(context.destination)
    oscillator.start(context.currentTime + at)
    oscillator.stop(context.currentTime + at + 0.65)
  }
}

const mmss = (ms: number): string => {
  const seconds = Math.ceil(ms / 1_000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/**
 * The round's remaining time in server time, the same on every screen. A gentle signal at one minute left
 * and at the end: a calm colour change, an optional chime, and one sentence for screen readers (the ticking
 * digits themselves are not announced).
 */
export const CafeTimerDisplay = (props: {
  readonly timer: () => CafeTimer
  readonly serverNow: () => number
  readonly large?: boolean
}) => {
  const { t } = useI18n()
  const [sound, setSound] = createSignal(localStorage.getItem(SOUND_KEY) === 'on')
  const [said, setSaid] = createSignal('')
  const left = () => remainingMs(props.timer(), props.serverNow())
  createEffect(
    on(left, (after, before) => {
      if (before === undefined) return
      const moment = announcement(before, after)
      if (moment === null) return
      setSaid(moment === 'one-minute' ? t('timerOneMinute') : t('timerEnded'))
      if (sound()) chime()
    }),
  )
  const stage = () => {
    const ms = left()
    if (props.timer().state === 'idle') return 'idle'
    if (ms === 0) return 'ended'
    return ms <= 60_000 ? 'last-minute' : props.timer().state
  }
  return (
    <div class={`cafe-timer ${props.large === true ? 'cafe-timer-large' : ''}`} data-stage={stage()}>
      <p
        class="cafe-timer-digits"
        role="timer"
        data-remaining-ms={left()}
        aria-label={t('timerLabel', { time: mmss(left()) })}
      >
        {mmss(left())}
      </p>
      <p class="hint">
        {stage() === 'paused' ? t('timerPaused') : stage() === 'ended' ? t('timerEnded') : ''}
      </p>
      <p class="visually-hidden" role="status">
        {said()}
      </p>
      <Show when={props.large !== true}>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={sound()}
            onChange={(event) => {
              setSound(event.currentTarget.checked)
              localStorage.setItem(SOUND_KEY, event.currentTarget.checked ? 'on' : 'off')
            }}
          />
          {t('timerSound')}
        </label>
      </Show>
    </div>
  )
}
