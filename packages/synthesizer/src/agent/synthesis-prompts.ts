import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sha256 } from '@gitlore/core'
import { harnessMessagesVersion } from './harness-messages.js'

/** The agent's prompt texts. */
export interface SynthesisPrompts {
  /** The system instructions (`synthesis_system.txt`). */
  readonly system: string
  /** The first user message (`synthesis_user.txt`) with `{{analysis}}`, `{{repository}}`, `{{minToolSteps}}`, `{{stepLimit}}`. */
  readonly user: string
  /** Hash of both texts and of the harness's own messages, recorded with each run. */
  readonly hash: string
}

/** Options of `loadSynthesisPrompts`. */
export interface LoadSynthesisPromptsOptions {
  /** Directory holding `synthesis_system.txt` and `synthesis_user.txt`; default: gitlore's `prompts/`. */
  readonly dir?: string
}

/** The `prompts/` directory: the nearest one above this module that holds the synthesis prompts. */
export function defaultSynthesisPromptsDir(): string {
  let directory = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(directory, 'prompts')
    if (existsSync(join(candidate, 'synthesis_system.txt'))) return candidate
    const parent = dirname(directory)
    if (parent === directory) {
      throw new Error(
        'the synthesis prompts (prompts/synthesis_system.txt) were not found next to @gitlore/synthesizer',
      )
    }
    directory = parent
  }
}

/** Builds prompts from texts in memory (tests, embedding programs). */
export function synthesisPrompts(system: string, user: string): SynthesisPrompts {
  return { system, user, hash: sha256(`${harnessMessagesVersion}\0${system}\0${user}`).slice(0, 16) }
}

/** Reads the prompt texts at run time, so editing them needs no rebuild. */
export async function loadSynthesisPrompts(options: LoadSynthesisPromptsOptions = {}): Promise<SynthesisPrompts> {
  const dir = options.dir ?? defaultSynthesisPromptsDir()
  const [system, user] = await Promise.all([
    readFile(join(dir, 'synthesis_system.txt'), 'utf8'),
    readFile(join(dir, 'synthesis_user.txt'), 'utf8'),
  ])
  return synthesisPrompts(system, user)
}

/** The first user message: the template with the analysis and the budgets filled in. */
export function firstMessage(
  prompts: SynthesisPrompts,
  values: { analysis: string; repository: string | null; minToolSteps: number; stepLimit: number },
): string {
  const fill: Record<string, string> = {
    analysis: values.analysis,
    repository: values.repository === null ? '' : ` ${values.repository}`,
    minToolSteps: String(values.minToolSteps),
    stepLimit: String(values.stepLimit),
  }
  return prompts.user.replace(/\{\{(\w+)\}\}/g, (match, name: string) => fill[name] ?? match)
}
