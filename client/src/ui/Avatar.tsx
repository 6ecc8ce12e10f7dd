import type { PartyKind } from '../../../shared/schema/party'
import { partyShape } from './PartyMark'

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter((part) => part !== '')
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('')

/** A person: initials on their colour, their party's shape, and their name for screen readers and on hover. */
export const Avatar = (props: {
  readonly name: string
  readonly color: string
  readonly kind: PartyKind
  readonly label: string
}) => (
  <span class="avatar" style={{ 'background-color': props.color }} title={props.label}>
    <span aria-hidden="true">
      {initials(props.name)} {partyShape(props.kind)}
    </span>
    <span class="visually-hidden">{props.label}</span>
  </span>
)
