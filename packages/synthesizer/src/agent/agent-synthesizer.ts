import { GitloreError } from '@gitlore/core'
import type { UsageMeter } from '@gitlore/llm'
import type { LanguageModel } from 'ai'
import { buildAnalysisXml, defaultAnalysisBudgetChars } from '../analysis/build-analysis-xml.js'
import { ReviewIndex } from '../review/review-index.js'
import { sortFindings } from '../sort-findings.js'
import type { SynthesisInput, SynthesisResult, Synthesizer } from '../synthesizer.js'
import { uniqueIds } from '../unique-ids.js'
import type { AgentEventListener } from './agent-event.js'
import { agentNotes } from './agent-notes.js'
import type { AgentOutcome, AgentRun } from './agent-run.js'
import { AgentSession, type AnswerReporter } from './agent-session.js'
import { emptyAnswerMessage, invalidAnswerMessage } from './harness-messages.js'
import { parseFindings } from './parse-findings.js'
import { firstMessage, loadSynthesisPrompts, type SynthesisPrompts } from './synthesis-prompts.js'
import { createRepositoryTools } from './tools/create-repository-tools.js'
import { RepositorySandbox } from './tools/repository-sandbox.js'
import { runGit } from './tools/run-git.js'
import { defaultToolLimits, type ToolLimits } from './tools/tool-context.js'
import { type Validation, validateFindings } from './validate-findings.js'
import { verifyCitations } from './verify-citations.js'

/** Options of the agent synthesizer. */
export interface AgentSynthesizerOptions {
  /** The ai SDK chat model, e.g. `createModelRegistry(...).languageModel(name).model`; it must support tool calls. */
  readonly model: Exclude<LanguageModel, string>
  /** The model's `provider/model` name, for the usage report and the run record; default the model's id. */
  readonly modelName?: string
  /** The repository's working tree the tools read; `SynthesisInput.repositoryDir` overrides it. */
  readonly repositoryDir?: string
  /** Most model calls of the investigation, the answer included (the repair turn comes on top); default 30. */
  readonly stepLimit?: number
  /** Tool steps required before an answer is accepted (enforced, not just asked for); default 6. */
  readonly minToolSteps?: number
  /**
   * Most "not yet" nudges for answers that come before `minToolSteps` (a model or server that ignores
   * `tool_choice: required` answers anyway); after that the answer is taken as it is, repaired once if
   * it is empty or invalid. Default 2.
   */
  readonly maxNudges?: number
  /** Size budget of the analysis XML in characters; default 120,000. */
  readonly analysisBudgetChars?: number
  /** Prompt texts; default: the prompts this package ships (`defaultSynthesisPrompts()`). */
  readonly prompts?: SynthesisPrompts
  /** Receives events as the agent works: steps, tool calls with result sizes, reasoning and text deltas. */
  readonly onEvent?: AgentEventListener
  /** Accumulates token usage and cost; shared with the other LLM stages of the run. */
  readonly meter?: UsageMeter
  /** The provider's circuit breaker (`ResolvedModel.breaker` of @gitlore/llm): told of empty steps and usable ones. */
  readonly breaker?: AnswerReporter
  /** The provider's retries of one request on 429, 5xx and network errors; default 2. */
  readonly maxRetries?: number
  /** Milliseconds one step (one model call) may take; default 300,000. */
  readonly stepTimeoutMs?: number
  /** Sampling temperature; default: the provider's. */
  readonly temperature?: number
  /** Output token limit per step; default: the provider's. */
  readonly maxOutputTokens?: number
  /** Overrides of the tools' size limits. */
  readonly toolLimits?: Partial<ToolLimits>
}

interface Evaluated {
  readonly hasFindingsElement: boolean
  readonly validation: Validation
}

function evaluate(answer: string): Evaluated {
  const parsed = parseFindings(answer)
  return { hasFindingsElement: parsed.hasFindingsElement, validation: validateFindings(parsed.candidates) }
}

/** Why an answer needs the repair turn, or null when it is usable as is. */
function repairReason(answer: string, evaluated: Evaluated, stepLimitHit: boolean): string | null {
  if (answer.trim() === '') return emptyAnswerMessage(stepLimitHit)
  if (!evaluated.hasFindingsElement) return invalidAnswerMessage(['the answer has no <findings> element'])
  if (evaluated.validation.errors.length > 0) return invalidAnswerMessage(evaluated.validation.errors)
  return null
}

/** The sandbox over the top level of the git work tree holding `directory`; git must be on PATH. */
async function openRepository(directory: string, signal: AbortSignal | undefined): Promise<RepositorySandbox> {
  try {
    const { stdout } = await runGit(directory, ['rev-parse', '--show-toplevel'], {
      maxBytes: 64 * 1024,
      timeoutMs: 20_000,
      signal,
    })
    return await RepositorySandbox.open(stdout.trim())
  } catch (error) {
    signal?.throwIfAborted()
    throw new GitloreError({
      code: 'synthesizer_repository_unreadable',
      message: `the agent's tools need the git binary on PATH and a git work tree at ${directory} (${error instanceof Error ? error.message : String(error)}); run with --offline otherwise`,
      cause: error,
    })
  }
}

const positive = (value: number | undefined, fallback: number, name: string, minimum = 1): number => {
  const result = value ?? fallback
  if (!Number.isInteger(result) || result < minimum) {
    throw new RangeError(`${name} must be an integer of at least ${minimum}, got ${result}`)
  }
  return result
}

/**
 * The LLM synthesizer: an agent that reads the analysis (reviews first), investigates the
 * repository with read-only tools for at least `minToolSteps` steps, and answers with `<findings>`
 * XML, parsed tolerantly, validated strictly (one repair turn for an empty or invalid answer) and
 * kept only where its citations resolve.
 */
export class AgentSynthesizer implements Synthesizer {
  readonly kind = 'agent'
  readonly #options: AgentSynthesizerOptions
  readonly #stepLimit: number
  readonly #minToolSteps: number
  readonly #maxNudges: number

  constructor(options: AgentSynthesizerOptions) {
    this.#options = options
    this.#stepLimit = positive(options.stepLimit, 30, 'stepLimit', 2)
    this.#minToolSteps = positive(options.minToolSteps, 6, 'minToolSteps', 0)
    this.#maxNudges = positive(options.maxNudges, 2, 'maxNudges', 0)
    if (this.#minToolSteps >= this.#stepLimit) {
      throw new RangeError(`minToolSteps (${this.#minToolSteps}) must be below stepLimit (${this.#stepLimit})`)
    }
  }

  async synthesize(input: SynthesisInput): Promise<SynthesisResult> {
    const { signal } = input
    signal?.throwIfAborted()
    const reviews = new ReviewIndex(input)
    if (input.context.commits.total === 0 && reviews.isEmpty) {
      return {
        findings: [],
        synthesizer: this.kind,
        notes: ['No commits and no review data in the window, so there was nothing for the agent to investigate.'],
      }
    }
    const options = this.#options
    const directory = input.repositoryDir ?? options.repositoryDir
    if (directory === undefined) {
      throw new GitloreError({
        code: 'synthesizer_repository_missing',
        kind: 'usage',
        message: 'the agent synthesizer needs the repository directory (repositoryDir) for its tools',
      })
    }
    const modelName = options.modelName ?? options.model.modelId
    const emit: AgentEventListener = (event) => {
      try {
        options.onEvent?.(event)
      } catch {
        // A broken listener must not break the run.
      }
    }
    const [sandbox, prompts] = await Promise.all([
      openRepository(directory, signal),
      options.prompts === undefined ? loadSynthesisPrompts() : Promise.resolve(options.prompts),
    ])
    const analysis = buildAnalysisXml(input, { budgetChars: options.analysisBudgetChars ?? defaultAnalysisBudgetChars })
    emit({
      type: 'start',
      model: modelName,
      stepLimit: this.#stepLimit,
      minToolSteps: this.#minToolSteps,
      analysisChars: analysis.xml.length,
      omitted: analysis.omitted,
    })
    const limits = { ...defaultToolLimits, ...options.toolLimits }
    const session = new AgentSession({
      model: options.model,
      modelName,
      instructions: prompts.system,
      firstMessage: firstMessage(prompts, {
        analysis: analysis.xml,
        repository: input.context.repo.remote,
        minToolSteps: this.#minToolSteps,
        stepLimit: this.#stepLimit,
      }),
      tools: createRepositoryTools({ sandbox, reviews, limits, signal }),
      stepLimit: this.#stepLimit,
      minToolSteps: this.#minToolSteps,
      maxNudges: this.#maxNudges,
      maxRetries: options.maxRetries ?? 2,
      stepTimeoutMs: options.stepTimeoutMs ?? 300_000,
      temperature: options.temperature,
      maxOutputTokens: options.maxOutputTokens,
      signal,
      meter: options.meter,
      breaker: options.breaker,
      emit,
    })

    const investigation = await session.investigate()
    const rawOutput = [investigation.answer]
    let chosen = evaluate(investigation.answer)
    const reason = repairReason(investigation.answer, chosen, investigation.stepLimitHit)
    if (reason !== null) {
      const repaired = await session.repair(reason)
      rawOutput.push(repaired)
      const second = evaluate(repaired)
      // The repair answer replaces the first unless it is worse: fewer valid findings.
      if (second.hasFindingsElement && second.validation.valid.length >= chosen.validation.valid.length) chosen = second
    }
    const verified = await verifyCitations(chosen.validation.valid, {
      sandbox,
      reviews,
      gitTimeoutMs: limits.gitTimeoutMs,
      signal,
    })
    const findings = uniqueIds(sortFindings(verified.findings))
    emit({
      type: 'verified',
      findings: findings.length,
      droppedCitations: verified.dropped.total,
      droppedFindings: chosen.validation.invalid + verified.unsupported,
    })
    const written = chosen.validation.valid.length + chosen.validation.invalid
    const outcome: AgentOutcome =
      findings.length > 0 ? 'findings' : !chosen.hasFindingsElement ? 'no-answer' : written > 0 ? 'rejected' : 'none'
    const run: AgentRun = {
      model: modelName,
      promptHash: prompts.hash,
      stepLimit: this.#stepLimit,
      minToolSteps: this.#minToolSteps,
      stepsUsed: session.stepsUsed,
      toolSteps: session.toolSteps,
      stepLimitHit: investigation.stepLimitHit,
      budgetMissed: investigation.budgetMissed,
      nudges: session.nudges,
      outcome,
      repair: { used: reason !== null, reason },
      analysis: { chars: analysis.xml.length, omitted: analysis.omitted },
      rawOutput,
      transcript: session.transcript,
      droppedCitations: verified.dropped,
      droppedFindings: {
        invalid: chosen.validation.invalid,
        unsupported: verified.unsupported,
        details: [...chosen.validation.rejected, ...verified.unsupportedDetails],
      },
      usage: session.usage,
    }
    return { findings, synthesizer: this.kind, notes: agentNotes(run, findings), agent: run }
  }
}
