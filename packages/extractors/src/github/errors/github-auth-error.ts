import { GitloreError } from '@gitlore/core'

/** GitHub refused the token: it is invalid or expired (401), or not allowed to read the repository (SAML, scopes). */
export class GitHubAuthError extends GitloreError {
  /** HTTP status GitHub answered with, when there was one. */
  readonly status: number | undefined

  constructor({
    message,
    status,
    cause,
  }: { message?: string | undefined; status?: number | undefined; cause?: unknown }) {
    super({
      code: 'github_auth_failed',
      kind: 'usage',
      message:
        message ??
        'GitHub rejected the token (401 Bad credentials): check GITHUB_TOKEN / GH_TOKEN or run `gh auth login`, or run with --git-only',
      cause,
    })
    this.name = 'GitHubAuthError'
    this.status = status
  }
}
