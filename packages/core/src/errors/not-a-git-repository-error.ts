import { GitloreError } from './gitlore-error.js'

/** The directory exists but is not inside a git repository. */
export class NotAGitRepositoryError extends GitloreError {
  readonly path: string

  constructor(path: string, options: { cause?: unknown } = {}) {
    super({
      code: 'not_a_git_repository',
      kind: 'usage',
      message: `${path} is not a git repository: pass --repo with the path of a git checkout`,
      cause: options.cause,
    })
    this.name = 'NotAGitRepositoryError'
    this.path = path
  }
}
