import { GitloreError } from '@gitlore/core'

/** GitHub's rate limit ran out and the wait until it resets is longer than gitlore is allowed to wait. */
export class GitHubRateLimitError extends GitloreError {
  /** When the budget resets (ISO 8601), when GitHub said. */
  readonly resetAt: string | undefined

  constructor({
    resetAt,
    secondary,
    cause,
  }: { resetAt?: string | undefined; secondary?: boolean | undefined; cause?: unknown }) {
    const kind = secondary === true ? 'secondary rate limit' : 'rate limit'
    super({
      code: 'github_rate_limited',
      message: `GitHub ${kind} exceeded${resetAt === undefined ? '' : ` until ${resetAt}`}: pages fetched so far are cached, so re-run later to resume, or run with --git-only`,
      cause,
    })
    this.name = 'GitHubRateLimitError'
    this.resetAt = resetAt
  }
}
