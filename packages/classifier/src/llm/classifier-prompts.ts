import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256 } from '@gitlore/core'
import { classifierSystemText, classifierUserText } from './classifier-prompt-texts.generated.js'

/** The classifier's prompt texts and the hash that keys its cached answers. */
export interface ClassifierPrompts {
  /** The system instructions (`classifier_system.txt`). */
  readonly system: string
  /** The user message template (`classifier_user.txt`) with `{{count}}` and `{{comments}}`. */
  readonly user: string
  /** Hash of both texts and of the way comments are rendered: a change to any of them invalidates cached answers. */
  readonly hash: string
}

/** Options of `loadClassifierPrompts`. */
export interface LoadClassifierPromptsOptions {
  /** Directory holding your own `classifier_system.txt` and `classifier_user.txt`; default: the prompts this package ships. */
  readonly dir?: string
}

/** Bumped when `renderComments` changes what the model sees, so cached answers are not reused across it. */
const renderVersion = 1

/** Builds prompts from texts in memory (tests, embedding programs). */
export function classifierPrompts(system: string, user: string): ClassifierPrompts {
  return { system, user, hash: sha256(`${renderVersion}\0${system}\0${user}`).slice(0, 16) }
}

/** The prompts this package ships: gitlore's `prompts/classifier_*.txt`, built in. */
export function defaultClassifierPrompts(): ClassifierPrompts {
  return classifierPrompts(classifierSystemText, classifierUserText)
}

/**
 * The shipped prompts, or with `dir` your own texts read from that directory (a changed text changes
 * the hash, so no cached answer of another prompt is reused).
 */
export async function loadClassifierPrompts(options: LoadClassifierPromptsOptions = {}): Promise<ClassifierPrompts> {
  const { dir } = options
  if (dir === undefined) return defaultClassifierPrompts()
  const [system, user] = await Promise.all([
    readFile(join(dir, 'classifier_system.txt'), 'utf8'),
    readFile(join(dir, 'classifier_user.txt'), 'utf8'),
  ])
  return classifierPrompts(system, user)
}
