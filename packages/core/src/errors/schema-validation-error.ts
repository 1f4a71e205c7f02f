import { GitloreError } from './gitlore-error.js'

/** Data gitlore produced or read does not match its published schema; nothing was written. */
export class SchemaValidationError extends GitloreError {
  readonly problems: readonly string[]

  constructor({ schema, problems }: { schema: string; problems: readonly string[] }) {
    super({
      code: 'schema_invalid',
      message: `output does not match ${schema}: ${problems.slice(0, 5).join('; ')} (nothing was written; please report this)`,
    })
    this.name = 'SchemaValidationError'
    this.problems = problems
  }
}
