import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import { type ApiErrorCode, statusForApiError } from '../../shared/api/api-error'

/**
 * The one error type routes and services throw; `app.onError` turns it into `{error: {code, message, issues?}}`
 * with the status that belongs to its code (shared/api/api-error.ts).
 *
 * @example
 * throw new ApiError('not-found', 'no such document')
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: ContentfulStatusCode

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: readonly z.core.$ZodIssue[],
  ) {
    super(message)
    this.status = statusForApiError[code]
  }

  getResponse(headers?: Record<string, string>): Response {
    const issues = this.issues?.map((issue) => ({
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: issue.message,
      code: issue.code,
    }))
    const body = { error: { code: this.code, message: this.message, ...(issues ? { issues } : {}) } }
    return Response.json(body, { status: this.status, ...(headers ? { headers } : {}) })
  }
}
