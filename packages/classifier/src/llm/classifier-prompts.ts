import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sha256 } from '@gitlore/core'

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
  /** Directory holding `classifier_system.txt` and `classifier_user.txt`; default: gitlore's `prompts/`. */
  readonly dir?: string
}

/** Bumped when `renderComments` changes what the model sees, so cached answers are not reused across it. */
const renderVersion = 1

/** The `prompts/` directory: the nearest one above this module that holds the classifier prompts. */
export function defaultPromptsDir(): string {
  let directory = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(directory, 'prompts')
    if (existsSync(join(candidate, 'classifier_system.txt'))) return candidate
    const parent = dirname(directory)
    if (parent === directory) {
      throw new Error(
        'the classifier prompts (prompts/classifier_system.txt) were not found next to @gitlore/classifier',
      )
    }
    directory = parent
  }
}

/** Builds prompts from texts in memory (tests, embedding programs). */
export function classifierPrompts(system: string, user: string): ClassifierPrompts {
  return { system, user, hash: sha256(`${renderVersion}\0${system}\0${user}`).slice(0, 16) }
}

/** Reads the prompt texts at run time, so editing them needs no rebuild (and changes the cache key). */
export async function loadClassifierPrompts(options: LoadClassifierPromptsOptions = {}): Promise<ClassifierPrompts> {
  const dir = options.dir ?? defaultPromptsDir()
  const [system, user] = await Promise.all([
    readFile(join(dir, 'classifier_system.txt'), 'utf8'),
    readFile(join(dir, 'classifier_user.txt'), 'utf8'),
  ])
  return classifierPrompts(system, user)
}
