import { GitloreError } from '@gitlore/core'

/** The repository does not exist, or the token cannot see it (GitHub answers "not found" for private repositories). */
export class GitHubNotFoundError extends GitloreError {
  /** `owner/repo` that was asked for. */
  readonly repository: string

  constructor({ repository, message, cause }: { repository: string; message?: string | undefined; cause?: unknown }) {
    super({
      code: 'github_repository_not_found',
      kind: 'usage',
      message:
        message ??
        `GitHub repository ${repository} not found: check [github] repo in your gitlore configuration, or give the token access to it (private repositories look missing without it), or run with --git-only`,
      cause,
    })
    this.name = 'GitHubNotFoundError'
    this.repository = repository
  }
}
