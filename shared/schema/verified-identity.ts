import * as z from 'zod/mini'
import { lazySchema } from './lazy-schema'

/**
 * A person as their organisation's identity provider vouched for them at sign-in (OpenID Connect): the
 * provider (`iss`), the provider's stable id for the person (`sub`), and the name the provider gave.
 * Recorded beside an approval or a decision, so a party's position shows who took it, verified.
 */
export const VerifiedIdentity = lazySchema(() =>
  z.object({
    issuer: z.url().check(z.maxLength(500)),
    subject: z.string().check(z.minLength(1), z.maxLength(255)),
    name: z.string().check(z.maxLength(200)),
  }),
)
export type VerifiedIdentity = z.infer<typeof VerifiedIdentity>
