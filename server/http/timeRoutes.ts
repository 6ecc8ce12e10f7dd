import * as timeApi from '../../shared/api/time-routes'
import { type ApiRoute, defineRoute } from './ApiRoute'

/** The server's clock (the café timer's reference); never cached, so each answer is now. */
export const timeRoutes = (now: () => number = Date.now): ApiRoute[] => [
  defineRoute(timeApi.serverTime, {
    access: 'public',
    handle: async ({ context }) => {
      context.header('cache-control', 'no-store')
      return { now: now() }
    },
  }),
]
