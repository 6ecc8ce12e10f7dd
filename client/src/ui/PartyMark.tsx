import type { PartyKind } from '../../../shared/schema/party'

/** Each side has a shape as well as a colour, so it never depends on colour alone: ◆ public, ● non-profit. */
export const partyShape = (kind: PartyKind): string => (kind === 'public' ? '◆' : '●')

/** A party's shape and name, with equal weight for every party. */
export const PartyMark = (props: {
  readonly name: string
  readonly kind: PartyKind
  readonly kindLabel: string
}) => (
  <span class={`party party-${props.kind}`}>
    <span aria-hidden="true" class="party-shape">
      {partyShape(props.kind)}
    </span>{' '}
    {props.name}
    <span class="visually-hidden"> ({props.kindLabel})</span>
  </span>
)
