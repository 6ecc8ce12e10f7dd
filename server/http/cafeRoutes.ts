import * as cafeApi from '../../shared/api/cafe-routes'
import type { CafeService } from '../cafe/CafeService'
import { ApiError } from '../errors/ApiError'
import { type ApiRoute, defineRoute, routeDocument } from './ApiRoute'

/** A café's server-side steps (its live state syncs over the control room). */
export const cafeRoutes = (cafe: CafeService): ApiRoute[] => [
  defineRoute(cafeApi.endCafeRound, {
    access: 'cafe.facilitate',
    handle: async ({ document, member, params }) => {
      if (member === null) throw new ApiError('unauthorized', 'no session')
      return cafe.endRound(member, routeDocument(document), params.number - 1)
    },
  }),
]
