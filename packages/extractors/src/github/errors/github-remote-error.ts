import { GitloreError } from '@gitlore/core'

/** Why the GitHub repository could not be told from the git remotes. */
export type GitHubRemoteProblem = 'no_remote' | 'not_github'

/** The repository has no `origin` remote, or it is not on GitHub, and `[github] repo` is not set. */
export class GitHubRemoteError extends GitloreError {
  readonly problem: GitHubRemoteProblem

  constructor({ problem, remote }: { problem: GitHubRemoteProblem; remote?: string }) {
    super({
      code: problem === 'no_remote' ? 'github_remote_missing' : 'github_remote_not_github',
      kind: 'usage',
      message:
        problem === 'no_remote'
          ? 'no origin remote to find the GitHub repository from: set [github] repo = "owner/name" in ~/.config/gitlore/gitlore.toml (or GITLORE_GITHUB_REPO), or run with --git-only'
          : `the origin remote (${remote ?? 'unknown'}) is not a GitHub repository: set [github] repo = "owner/name" (and [github] api_url for GitHub Enterprise) in ~/.config/gitlore/gitlore.toml, or run with --git-only`,
    })
    this.name = 'GitHubRemoteError'
    this.problem = problem
  }
}
