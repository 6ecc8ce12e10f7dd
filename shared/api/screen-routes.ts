import { defineContract } from './route-contract'
import { ScreenFocusState, SetScreenFocusRequest } from './workspace-api'
import { WorkspaceParams } from './workspace-routes'

/* "Visa på skärmen": what a workspace's shared screens show, set by a facilitator and followed over SSE. */

export const setScreenFocus = defineContract({
  method: 'post',
  path: '/api/workspaces/:workspaceId/screen',
  summary: 'Show a document (and optionally one field) on the shared screens',
  params: WorkspaceParams,
  body: SetScreenFocusRequest,
  status: 200,
  response: ScreenFocusState,
})

export const getScreenFocus = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId/screen',
  summary: 'What the shared screens show now',
  params: WorkspaceParams,
  status: 200,
  response: ScreenFocusState,
})

export const screenEvents = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId/screen/events',
  summary: 'Server-sent events: the current focus, then every change (event "focus")',
  params: WorkspaceParams,
  status: 200,
  produces: ['text/event-stream'],
})
