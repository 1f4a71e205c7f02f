import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { SchemaValidationError } from '../errors/schema-validation-error.js'
import type { RepositoryContext } from '../model/context.js'

/** Absolute path of the published context schema (context.v1.json). */
export const contextSchemaPath = new URL('../../schema/context.v1.json', import.meta.url)

let validator: (((data: unknown) => boolean) & { errors?: unknown }) | undefined

/** Checks a context document against context.v1.json; throws SchemaValidationError listing what is wrong. */
export function validateContext(context: unknown): asserts context is RepositoryContext {
  validator ??= compile()
  if (validator(context)) return
  const errors = (validator.errors ?? []) as { instancePath: string; message?: string }[]
  throw new SchemaValidationError({
    schema: 'context.v1.json',
    problems: errors.map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`),
  })
}

function compile() {
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule
  ;(addFormats as unknown as (instance: Ajv2020) => void)(ajv)
  return ajv.compile(JSON.parse(readFileSync(contextSchemaPath, 'utf8')))
}
