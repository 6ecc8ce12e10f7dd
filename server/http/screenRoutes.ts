import { streamSSE } from 'hono/streaming'
import * as screenApi from '../../shared/api/screen-routes'
import type { ScreenFocus } from '../../shared/api/workspace-api'
import type { MemberSockets } from '../access/MemberSockets'
import { ApiError } from '../errors/ApiError'
import type { ScreenFocusHub } from '../screen/ScreenFocusHub'
import type { WorkspaceService } from '../workspaces/WorkspaceService'
import { type ApiRoute, defineRoute } from './ApiRoute'

export interface ScreenRoutesOptions {
  readonly workspaces: WorkspaceService
  readonly hub: ScreenFocusHub
  readonly memberSockets: MemberSockets
  /** Tells the other instances (scale-out); a no-op on one instance. */
  readonly publish: (workspaceId: string, focus: ScreenFocus) => void
  readonly keepAliveMs?: number
}

/** "Visa på skärmen": a facilitator points the shared screen at a document; screens follow over SSE. */
export const screenRoutes = ({
  workspaces,
  hub,
  memberSockets,
  publish,
  keepAliveMs = 25_000,
}: ScreenRoutesOptions): ApiRoute[] => [
  defineRoute(screenApi.setScreenFocus, {
    access: 'screen.control',
    handle: async ({ member, params, body }) => {
      if (body.kind !== 'join') {
        const document = await workspaces.findDocument(body.documentId)
        if (document === null || document.workspaceId !== params.workspaceId) {
          throw new ApiError('not-found', 'no such document in this workspace')
        }
        if (body.kind === 'cafe' && document.template !== 'cafe') {
          throw new ApiError('invalid-request', 'only a café can be shown as a café')
        }
      }
      // The join slide's link stays on the screen, small, once the room moves on to the café or a document.
      const previous = await hub.get(params.workspaceId)
      const joinUrl =
        body.kind === 'join' ? body.url : previous?.kind === 'join' ? previous.url : previous?.joinUrl
      const focus: ScreenFocus = {
        ...body,
        setBy: member?.name ?? '',
        setAt: new Date().toISOString(),
        ...(joinUrl === undefined ? {} : { joinUrl }),
      }
      await hub.set(params.workspaceId, focus)
      publish(params.workspaceId, focus)
      return { focus }
    },
  }),
  defineRoute(screenApi.getScreenFocus, {
    access: 'workspace.read',
    handle: async ({ params }) => ({ focus: await hub.get(params.workspaceId) }),
  }),
  defineRoute(screenApi.screenEvents, {
    access: 'workspace.read',
    handle: async ({ params, member, context }) =>
      streamSSE(context, async (stream) => {
        const send = (focus: ScreenFocus | null) =>
          stream.writeSSE({ event: 'focus', data: JSON.stringify({ focus }) })
        let finish = () => {}
        const closed = new Promise<void>((resolve) => {
          finish = resolve
          stream.onAbort(resolve)
        })
        // A screen whose access is withdrawn stops at once, like its sockets.
        const closable = {
          close: () => {
            finish()
            void stream.close()
          },
        }
        if (member !== null) memberSockets.add(member.id, closable)
        const stop = hub.watch(params.workspaceId, (focus) => void send(focus))
        const ping = setInterval(() => void stream.write(': keep-alive\n\n'), keepAliveMs)
        try {
          await send(await hub.get(params.workspaceId))
          await closed
        } finally {
          clearInterval(ping)
          stop()
          if (member !== null) memberSockets.remove(member.id, closable)
        }
      }),
  }),
]
