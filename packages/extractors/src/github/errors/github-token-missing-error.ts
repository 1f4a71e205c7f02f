import { GitloreError } from '@gitlore/core'

/** No GitHub token was found in GITHUB_TOKEN, GH_TOKEN or `gh auth token`. */
export class GitHubTokenMissingError extends GitloreError {
  constructor() {
    super({
      code: 'github_token_missing',
      kind: 'usage',
      message:
        'no GitHub token: set GITHUB_TOKEN or GH_TOKEN (or log in with `gh auth login`), or run with --git-only to skip review data',
    })
    this.name = 'GitHubTokenMissingError'
  }
}
