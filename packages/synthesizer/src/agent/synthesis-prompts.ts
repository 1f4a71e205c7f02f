import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256 } from '@gitlore/core'
import { harnessMessagesVersion } from './harness-messages.js'
import { synthesisSystemText, synthesisUserText } from './synthesis-prompt-texts.generated.js'

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
  /** Directory holding your own `synthesis_system.txt` and `synthesis_user.txt`; default: the prompts this package ships. */
  readonly dir?: string
}

/** Builds prompts from texts in memory (tests, embedding programs). */
export function synthesisPrompts(system: string, user: string): SynthesisPrompts {
  return { system, user, hash: sha256(`${harnessMessagesVersion}\0${system}\0${user}`).slice(0, 16) }
}

/** The prompts this package ships: gitlore's `prompts/synthesis_*.txt`, built in. */
export function defaultSynthesisPrompts(): SynthesisPrompts {
  return synthesisPrompts(synthesisSystemText, synthesisUserText)
}

/** The shipped prompts, or with `dir` your own texts read from that directory. */
export async function loadSynthesisPrompts(options: LoadSynthesisPromptsOptions = {}): Promise<SynthesisPrompts> {
  const { dir } = options
  if (dir === undefined) return defaultSynthesisPrompts()
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
