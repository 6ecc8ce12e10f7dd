import type { z } from 'zod'
import { ApiErrorBody } from '../../../shared/api/api-error'

/** An error the API answered with: its code (to switch on) and message (to show). */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Calls the API with the browser's session cookie and parses the answer with the same zod schema the server
 * answers with, so a mismatch shows up as an error here rather than as a broken page.
 */
export const api = async <T>(
  path: string,
  schema: z.ZodType<T>,
  init: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown } = {},
): Promise<T> => {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  const text = await response.text()
  const json: unknown = text === '' ? undefined : JSON.parse(text)
  if (!response.ok) {
    const error = ApiErrorBody.safeParse(json)
    throw error.success
      ? new ApiRequestError(response.status, error.data.error.code, error.data.error.message)
      : new ApiRequestError(response.status, 'internal-error', `HTTP ${response.status}`)
  }
  return schema.parse(json)
}

const WORKSPACES_KEY = 'samverkstad.workspaces'

export interface KnownWorkspace {
  readonly id: string
  readonly name: string
}

/** Workspaces this browser has a session for (the session itself is an HttpOnly cookie scripts cannot read). */
export const knownWorkspaces = (): KnownWorkspace[] => {
  try {
    const parsed = JSON.parse(localStorage.getItem(WORKSPACES_KEY) ?? '[]') as unknown
    return Array.isArray(parsed)
      ? parsed.filter((w): w is KnownWorkspace => typeof w?.id === 'string' && typeof w?.name === 'string')
      : []
  } catch {
    return []
  }
}

export const rememberWorkspace = (workspace: KnownWorkspace): void => {
  try {
    const others = knownWorkspaces().filter((w) => w.id !== workspace.id)
    localStorage.setItem(WORKSPACES_KEY, JSON.stringify([workspace, ...others].slice(0, 50)))
  } catch {
    // Without storage the list is simply not kept.
  }
}
