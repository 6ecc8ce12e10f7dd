import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** The one error type routes throw; `app.onError` turns it into `{error: {code, message, issues?}}`. */
export class HttpError extends Error {
  override readonly name = 'HttpError'
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: unknown,
  ) {
    super(message)
  }

  getResponse(): Response {
    const body = {
      error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) },
    }
    return Response.json(body, { status: this.status })
  }
}
