import { GitloreError } from '@gitlore/core'

/** A GitHub request failed for good: unreachable server, repeated 5xx, a query GitHub rejected. */
export class GitHubRequestError extends GitloreError {
  /** HTTP status of the last answer, when there was one. */
  readonly status: number | undefined

  constructor({ message, status, cause }: { message: string; status?: number | undefined; cause?: unknown }) {
    super({ code: 'github_request_failed', message, cause })
    this.name = 'GitHubRequestError'
    this.status = status
  }
}
