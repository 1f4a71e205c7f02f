import { KnowledgeInputError } from '../knowledge-errors.js'

/** A name as the index spells categories and severities: lower case, spaces and dashes as `_` (`Error handling` -> `error_handling`). */
export function choiceName(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

/** `value` as one of `allowed`, spelled loosely (see `choiceName`); a `KnowledgeInputError` naming them when it is none. */
export function choiceOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  const normalized = choiceName(value)
  if (!(allowed as readonly string[]).includes(normalized)) {
    throw new KnowledgeInputError(`unknown ${name} "${value.slice(0, 40)}": use one of ${allowed.join(', ')}`)
  }
  return normalized as T
}

/** `choiceOf`, or undefined when the value is missing or blank. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  return value === undefined || value.trim() === '' ? undefined : choiceOf(value, allowed, name)
}
