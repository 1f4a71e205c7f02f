import { GitloreError } from '@gitlore/core'

/** An output file could not be written; whatever was at its path before is left as it was. */
export class OutputWriteError extends GitloreError {
  /** The path that could not be written. */
  readonly path: string

  constructor(path: string, options: { cause?: unknown } = {}) {
    const reason = options.cause instanceof Error ? `: ${options.cause.message}` : ''
    super({
      code: 'output_write_failed',
      message: `could not write ${path}${reason}; check that its directory is writable, or choose another with --out`,
      cause: options.cause,
    })
    this.name = 'OutputWriteError'
    this.path = path
  }
}
