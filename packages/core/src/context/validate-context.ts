import { SchemaValidationError } from '../errors/schema-validation-error.js'
import type { RepositoryContext } from '../model/context.js'
import { validate } from './context-validator.generated.js'

/** Path of the published context schema (context.v1.json), for readers outside gitlore. */
export const contextSchemaPath = new URL('../../schema/context.v1.json', import.meta.url)

interface ValidationProblem {
  readonly instancePath: string
  readonly message?: string
}

/**
 * Checks a context document against context.v1.json (through a validator compiled from the schema
 * at build time, so no schema compiler loads at run time); throws SchemaValidationError listing
 * what is wrong.
 */
export function validateContext(context: unknown): asserts context is RepositoryContext {
  const check = validate as ((data: unknown) => boolean) & { errors?: readonly ValidationProblem[] | null }
  if (check(context)) return
  throw new SchemaValidationError({
    schema: 'context.v1.json',
    problems: (check.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`),
  })
}
