import * as z from 'zod/mini'
import { EntityId } from './entity-id'
import { lazySchema } from './lazy-schema'
import { singleLine } from './text'

/** The two sides of an IOP: the public body (municipality, region…) and the non-profit organisations. */
export const PartyKind = z.enum(['public', 'nonprofit'])
export type PartyKind = z.infer<typeof PartyKind>

/** A Swedish organisation number (organisationsnummer), `NNNNNN-NNNN`; the dash may be left out. */
export const OrgNumber = z.pipe(
  z.string().check(z.trim(), z.regex(/^\d{6}-?\d{4}$/, 'an organisation number is ten digits, NNNNNN-NNNN')),
  z.transform((value) => (value.includes('-') ? value : `${value.slice(0, 6)}-${value.slice(6)}`)),
)

/** What a person enters to add a party. */
export const NewParty = lazySchema(() =>
  z.object({
    name: singleLine(120),
    kind: PartyKind,
    orgNumber: z.optional(OrgNumber),
  }),
)
export type NewParty = z.infer<typeof NewParty>

/** A party of a workspace's partnership. */
export const Party = lazySchema(() =>
  z.object({
    id: EntityId,
    name: z.string(),
    kind: PartyKind,
    orgNumber: z.nullable(z.string()),
  }),
)
export type Party = z.infer<typeof Party>

/**
 * An IOP needs both sides: at least one public and one non-profit party. Returns what is missing, or null.
 *
 * @example
 * missingPartyKinds([{ kind: 'public' }]) // ['nonprofit']
 */
export const missingPartyKinds = (parties: readonly { kind: PartyKind }[]): PartyKind[] =>
  PartyKind.options.filter((kind) => !parties.some((party) => party.kind === kind))
