import * as z from 'zod/mini'
import { EntityId } from '../schema/entity-id'
import { lazySchema } from '../schema/lazy-schema'
import { VersionSummary } from '../schema/version'
import { defineContract } from './route-contract'

/* A café's server-side steps (its live state syncs over the control room). */

const RoundParams = lazySchema(() =>
  z.object({
    documentId: EntityId,
    number: z.coerce.number().check(z.int(), z.positive(), z.maximum(99)),
  }),
)

export const endCafeRound = defineContract({
  method: 'post',
  path: '/api/documents/:documentId/cafe/rounds/:number/end',
  summary:
    'End a café round (1-based): saves the version "Runda n avslutad" with every table’s notes, once per round',
  params: RoundParams,
  status: 201,
  response: VersionSummary,
})
