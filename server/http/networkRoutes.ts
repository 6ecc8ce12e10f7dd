import * as networkApi from '../../shared/api/network-routes'
import { listensOnNetwork, roomAddresses } from '../network/roomAddresses'
import { type ApiRoute, defineRoute } from './ApiRoute'

/** How the room reaches this server (HOST, PUBLIC_URL), for the invite links and the join slide. */
export const networkRoutes = ({
  host,
  publicUrl,
}: {
  host: string
  publicUrl: string | null
}): ApiRoute[] => [
  defineRoute(networkApi.getNetwork, {
    access: 'public',
    handle: async ({ context }) => {
      const { protocol, port } = new URL(context.req.url)
      return {
        listensOnNetwork: publicUrl !== null || listensOnNetwork(host),
        addresses:
          publicUrl !== null
            ? []
            : roomAddresses(host).map((address) => `${protocol}//${address}${port === '' ? '' : `:${port}`}`),
        publicUrl,
      }
    },
  }),
]
