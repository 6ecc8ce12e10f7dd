import { createSignal } from 'solid-js'
import * as screenApi from '../../../../shared/api/screen-routes'
import type { ScreenContent } from '../../../../shared/api/workspace-api'
import { call } from '../../api/api'
import { useI18n } from '../../i18n/i18n'

/**
 * "Visa på skärmen": puts something on the workspace's shared screens, which follow it at once. `content` is
 * asked at the moment of the click (the field being written, a fresh invite for the join slide).
 */
export const ShowOnScreenButton = (props: {
  readonly workspaceId: string
  readonly content: () => ScreenContent | Promise<ScreenContent>
  readonly label?: string
}) => {
  const { t } = useI18n()
  const [shown, setShown] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const show = async () => {
    setError(null)
    try {
      await call(screenApi.setScreenFocus, {
        params: { workspaceId: props.workspaceId },
        body: await props.content(),
      })
      setShown(true)
      setTimeout(() => setShown(false), 2_000)
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    }
  }
  return (
    <button type="button" class="button" onClick={() => void show()}>
      {props.label ?? t('showOnScreen')}
      <span role="status" class="copied">
        {shown() ? ` ✓ ${t('shownOnScreen')}` : (error() ?? '')}
      </span>
    </button>
  )
}
