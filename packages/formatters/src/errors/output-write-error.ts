import { FileWriteError } from '@gitlore/core'

/** An output file could not be written; whatever was at its path before is left as it was. */
export class OutputWriteError extends FileWriteError {
  constructor(path: string, options: { cause?: unknown } = {}) {
    super(path, { ...options, code: 'output_write_failed' })
    this.name = 'OutputWriteError'
  }
}
