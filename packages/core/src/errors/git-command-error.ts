import { GitloreError } from './gitlore-error.js'

/** The git binary (or isomorphic-git) failed while reading history. */
export class GitCommandError extends GitloreError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super({ code: 'git_failed', message, cause: options.cause })
    this.name = 'GitCommandError'
  }
}
