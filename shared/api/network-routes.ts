import * as z from 'zod/mini'
import { lazySchema } from '../schema/lazy-schema'
import { defineContract } from './route-contract'

/* How the people in the room reach this server: for the invite links and the join slide. */

export const NetworkInfo = lazySchema(() =>
  z.object({
    /** The server listens on the room's network (HOST=0.0.0.0 or an address of it), not only on this machine. */
    listensOnNetwork: z.boolean(),
    /** Origins on the room's network that phones and the projector can open (empty behind PUBLIC_URL). */
    addresses: z.array(z.string()),
    /** The configured public origin, which every link uses when set. */
    publicUrl: z.nullable(z.string()),
  }),
)
export type NetworkInfo = z.infer<typeof NetworkInfo>

export const getNetwork = defineContract({
  method: 'get',
  path: '/api/network',
  summary: 'Whether phones and the shared screen in the room can reach this server, and at which addresses',
  status: 200,
  response: NetworkInfo,
})
