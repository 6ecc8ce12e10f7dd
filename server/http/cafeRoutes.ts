import { z } from 'zod'
import { EntityId } from '../../shared/schema/entity-id'
import { VersionSummary } from '../../shared/schema/version'
import type { CafeService } from '../cafe/CafeService'
import { ApiError } from '../errors/ApiError'
import { type ApiRoute, defineRoute, routeDocument } from './ApiRoute'

const RoundParams = z.object({
  documentId: EntityId,
  number: z.coerce.number().int().positive().max(99),
})

/** A café's server-side steps (its live state syncs over the control room). */
export const cafeRoutes = (cafe: CafeService): ApiRoute[] => [
  defineRoute({
    method: 'post',
    path: '/api/documents/:documentId/cafe/rounds/:number/end',
    summary:
      'End a café round (1-based): saves the version "Runda n avslutad" with every table’s notes, once per round',
    access: 'cafe.facilitate',
    params: RoundParams,
    status: 201,
    response: VersionSummary,
    handle: async ({ document, member, params }) => {
      if (member === null) throw new ApiError('unauthorized', 'no session')
      return cafe.endRound(member, routeDocument(document), params.number - 1)
    },
  }),
]
