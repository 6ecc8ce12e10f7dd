import { For, Match, Show, Switch } from 'solid-js'
import type { DiffResponse } from '../../../../shared/schema/version-diff'
import { fieldsOf, type Template } from '../../../../shared/templates/template'
import { useI18n } from '../../i18n/i18n'

type TextParts = NonNullable<DiffResponse['fields'][number]['text']>

/**
 * Insertions and deletions marked by more than colour: underlined and struck through, and each announced in
 * words ("infogat", "borttaget") that screen readers read and the eye can see on hover.
 */
const Parts = (props: { readonly parts: TextParts }) => {
  const { t } = useI18n()
  return (
    <For each={props.parts}>
      {(part) => (
        <Switch fallback={<span>{part.text}</span>}>
          <Match when={part.type === 'added'}>
            <ins title={t('diffAdded')}>
              <span class="visually-hidden">[{t('diffAdded')}: </span>
              {part.text}
              <span class="visually-hidden">]</span>
            </ins>
          </Match>
          <Match when={part.type === 'removed'}>
            <del title={t('diffRemoved')}>
              <span class="visually-hidden">[{t('diffRemoved')}: </span>
              {part.text}
              <span class="visually-hidden">]</span>
            </del>
          </Match>
        </Switch>
      )}
    </For>
  )
}

const rowMarker = { added: '+', removed: '−', changed: '±' } as const

/** What changed between two revisions, field by field, with the fields' labels from the template. */
export const DiffView = (props: { readonly diff: DiffResponse; readonly template: Template }) => {
  const { t, locale } = useI18n()
  const labelOf = (fieldId: string) =>
    fieldsOf(props.template).find((field) => field.id === fieldId)?.label[locale()] ?? fieldId
  return (
    <div class="diff">
      <Show when={props.diff.fields.length > 0} fallback={<p>{t('diffNone')}</p>}>
        <For each={props.diff.fields}>
          {(field) => (
            <section class="diff-field" data-diff-field={field.fieldId}>
              <h4>{labelOf(field.fieldId)}</h4>
              <Show when={field.text}>
                {(parts) => (
                  <p class="diff-text">
                    <Parts parts={parts()} />
                  </p>
                )}
              </Show>
              <Show when={field.rows}>
                {(rows) => (
                  <ul class="diff-rows">
                    <For each={rows()}>
                      {(row) => (
                        <li class={`diff-row diff-row-${row.type}`}>
                          <span class="diff-marker" aria-hidden="true">
                            {rowMarker[row.type]}
                          </span>{' '}
                          <span class="visually-hidden">
                            {t(
                              row.type === 'added'
                                ? 'diffRowAdded'
                                : row.type === 'removed'
                                  ? 'diffRowRemoved'
                                  : 'diffRowChanged',
                            )}
                            :{' '}
                          </span>
                          <Parts parts={row.parts} />
                        </li>
                      )}
                    </For>
                  </ul>
                )}
              </Show>
            </section>
          )}
        </For>
      </Show>
    </div>
  )
}
