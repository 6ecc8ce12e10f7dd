import { z } from 'zod'
import { lazySchema } from './lazy-schema'

/**
 * A person as their organisation's identity provider vouched for them at sign-in (OpenID Connect): the
 * provider (`iss`), the provider's stable id for the person (`sub`), and the name the provider gave.
 * Recorded beside an approval or a decision, so a party's position shows who took it, verified.
 */
export const VerifiedIdentity = lazySchema(() =>
  z.object({
    issuer: z.url().max(500),
    subject: z.string().min(1).max(255),
    name: z.string().max(200),
  }),
)
export type VerifiedIdentity = z.infer<typeof VerifiedIdentity>
