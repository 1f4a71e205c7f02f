import { GitloreError } from './gitlore-error.js'

/** A command was called with arguments it cannot act on. */
export class UsageError extends GitloreError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super({ code: 'usage', kind: 'usage', message, cause: options.cause })
    this.name = 'UsageError'
  }
}
