import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildHistoryFixture, type HistoryFixture } from '@gitlore/fixtures'
import { createUsageMeter } from '@gitlore/llm'
import { type LoopbackModelServer, startLoopbackModelServer } from '@gitlore/llm/test'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { reviewClusters, reviewComments, reviewPullRequests, reviewStats } from '../__fixtures__/review-data.js'
import {
  agentContext,
  answer,
  findingsXml,
  lastUserMessage,
  loopbackModel,
  type ScriptedFinding,
  toolCall,
  toolChoiceOf,
  toolStepsIn,
} from '../__fixtures__/scripted-agent.js'
import { createSynthesizer } from '../create-synthesizer.js'
import { SynthesisError } from '../errors/synthesis-error.js'
import type { SynthesisInput } from '../synthesizer.js'
import type { AgentEvent } from './agent-event.js'

let fixture: HistoryFixture
let server: LoopbackModelServer

beforeAll(async () => {
  fixture = await buildHistoryFixture()
  server = await startLoopbackModelServer()
})
afterAll(async () => {
  await server.close()
  await rm(fixture.dir, { recursive: true, force: true })
})
beforeEach(() => server.reset())

const input = (): SynthesisInput => ({
  context: agentContext,
  clusters: reviewClusters,
  classified: reviewComments,
  pullRequests: reviewPullRequests,
  reviewStats,
})

function agent(options: { stepLimit?: number; minToolSteps?: number; onEvent?: (event: AgentEvent) => void } = {}) {
  const meter = createUsageMeter()
  const synthesizer = createSynthesizer({
    kind: 'agent',
    model: loopbackModel(server),
    modelName: 'compatible/scripted',
    repositoryDir: fixture.dir,
    stepLimit: options.stepLimit ?? 8,
    minToolSteps: options.minToolSteps ?? 3,
    maxRetries: 0,
    meter,
    ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
  })
  return { synthesizer, meter }
}

/** Three tool steps a diligent model makes before answering. */
const investigation = () => [
  toolCall(
    'read_file',
    { path: 'src/db.ts', startLine: 1, endLine: 5 },
    'Start from the db lookups the reviewers flag.',
  ),
  toolCall('file_history', { path: 'src/db.ts', limit: 5 }),
  toolCall('review_comments', { cluster: 'theme-null-check' }),
]

const grounded = (): ScriptedFinding => ({
  title: 'Database lookups return undefined for missing rows',
  evidence: [
    {
      source: 'review',
      ref: 'https://github.com/acme/demo/pull/15#discussion_c2',
      text: 'Reviewers flag missing null checks on four PRs.',
    },
    { source: 'git', ref: fixture.shas.fixDb ?? '', text: 'A fix for a missing row followed.' },
    { source: 'code', ref: 'src/db.ts:1-3' },
  ],
  files: ['src/db.ts'],
})

describe('agent synthesizer over a loopback OpenAI-compatible server', () => {
  it.each([
    ['in a code fence', (xml: string) => `Here is what I found:\n\`\`\`xml\n${xml}\n\`\`\`\nHope this helps.`],
    ['with prose around it', (xml: string) => `After checking the history, my findings:\n\n${xml}\n\nLet me know.`],
  ])('investigates with tools, then reads findings given %s', async (_, wrap) => {
    const events: AgentEvent[] = []
    const { synthesizer, meter } = agent({ onEvent: (event) => events.push(event) })
    server.enqueue(...investigation(), answer(wrap(findingsXml([grounded()]))))
    const result = await synthesizer.synthesize(input())

    expect(result.synthesizer).toBe('agent')
    expect(result.findings).toHaveLength(1)
    const [finding] = result.findings
    expect(finding).toMatchObject({ category: 'landmine', severity: 'high', files: ['src/db.ts'] })
    expect(finding?.evidence.map((item) => item.source)).toEqual(['review', 'git', 'code'])
    expect(result.agent).toMatchObject({
      stepsUsed: 4,
      toolSteps: 3,
      stepLimit: 8,
      minToolSteps: 3,
      stepLimitHit: false,
    })
    expect(result.agent?.repair.used).toBe(false)
    expect(result.agent?.droppedCitations.total).toBe(0)

    // Over real HTTP, streamed, with tool calls required until the budget is met.
    expect(server.requests.every((request) => request.stream)).toBe(true)
    expect(server.requests.map(toolChoiceOf)).toEqual(['required', 'required', 'required', 'auto'])
    expect(server.requests[0]?.promptText).toContain('<reviewThemes')

    const transcript = result.agent?.transcript ?? []
    expect(transcript).toHaveLength(4)
    const first = transcript[0]
    expect(first?.kind === 'step' && first.reasoning).toBe('Start from the db lookups the reviewers flag.')
    expect(first?.kind === 'step' && first.toolCalls[0]).toMatchObject({
      tool: 'read_file',
      input: { path: 'src/db.ts', startLine: 1, endLine: 5 },
      summary: 'src/db.ts:1-5',
    })
    expect(first?.kind === 'step' && first.toolCalls[0]?.resultChars).toBeGreaterThan(50)

    const lines = events
      .filter((event) => event.type === 'tool-result')
      .map((event) => `${event.tool} ${event.summary}`)
    expect(lines).toEqual([
      'read_file src/db.ts:1-5',
      'file_history src/db.ts',
      'review_comments cluster=theme-null-check',
    ])
    expect(events.some((event) => event.type === 'reasoning-delta')).toBe(true)
    expect(
      events
        .filter((event) => event.type === 'text-delta')
        .map((event) => event.text)
        .join(''),
    ).toContain('<findings>')
    expect(meter.report()).toMatchObject([{ model: 'compatible/scripted', requests: 4 }])
    expect(result.agent?.usage.requests).toBe(4)
  })

  it('repairs an invalid category with one turn that names the error', async () => {
    const { synthesizer } = agent()
    const wrong = findingsXml([{ ...grounded(), category: 'performance' }])
    server.enqueue(...investigation(), answer(wrong), answer(findingsXml([grounded()])))
    const result = await synthesizer.synthesize(input())
    expect(result.findings).toHaveLength(1)
    expect(result.agent?.repair.used).toBe(true)
    const repairRequest = server.requests[4]
    expect(lastUserMessage(repairRequest)).toContain('"performance" is not one of fragile_area, landmine')
    expect(toolChoiceOf(repairRequest)).toBe('none')
    expect(result.agent?.rawOutput).toHaveLength(2)
    expect(server.requests).toHaveLength(5)
  })

  it('drops hallucinated shas, paths and PRs, counts them, and drops a finding left with nothing', async () => {
    const { synthesizer } = agent()
    const mixed: ScriptedFinding = {
      ...grounded(),
      evidence: [
        ...grounded().evidence,
        { source: 'git', ref: 'deadbeefdeadbeef' },
        { source: 'code', ref: 'src/nope.ts:3' },
      ],
      files: ['src/db.ts', 'src/ghost.ts'],
    }
    const invented: ScriptedFinding = {
      title: 'An invented pattern',
      category: 'code_pattern',
      evidence: [
        { source: 'git', ref: '0123456789abcdef0123456789abcdef01234567' },
        { source: 'review', ref: 'https://github.com/acme/demo/pull/999' },
        { source: 'code', ref: 'src/db.ts:9999' },
      ],
    }
    server.enqueue(...investigation(), answer(findingsXml([mixed, invented])))
    const result = await synthesizer.synthesize(input())
    expect(result.findings.map((finding) => finding.title)).toEqual([
      'Database lookups return undefined for missing rows',
    ])
    expect(result.findings[0]?.files).toEqual(['src/db.ts'])
    expect(result.findings[0]?.evidence).toHaveLength(3)
    expect(result.agent?.droppedCitations).toMatchObject({ total: 6, commits: 2, paths: 2, pullRequests: 1, files: 1 })
    expect(result.agent?.droppedFindings).toEqual({
      invalid: 0,
      unsupported: 1,
      details: [{ title: 'An invented pattern', reason: 'none of its 3 citations resolved' }],
    })
    expect(result.agent?.outcome).toBe('findings')
    const notes = result.notes.join('\n')
    expect(notes).toContain('6 citations did not resolve and were dropped')
    expect(notes).toContain('Dropped finding "An invented pattern": none of its 3 citations resolved.')
    expect(notes).toContain(
      'Dropped citation of "An invented pattern": 0123456789abcdef0123456789abcdef01234567 (no commit 0123456789abcdef0123456789abcdef01234567 in the repository).',
    )
  })

  it('gives an empty first answer exactly one repair turn', async () => {
    const { synthesizer } = agent()
    server.enqueue(...investigation(), answer(''), answer(findingsXml([grounded()])))
    const result = await synthesizer.synthesize(input())
    expect(result.findings).toHaveLength(1)
    expect(result.agent?.repair).toMatchObject({ used: true })
    expect(result.agent?.repair.reason).toContain('Your answer was empty')
    expect(result.agent?.rawOutput[0]).toBe('')
    expect(result.agent?.transcript.filter((entry) => entry.kind === 'harness')).toHaveLength(1)
  })

  it('forbids tools on the last step, and repairs once when the step limit is hit', async () => {
    const { synthesizer } = agent({ stepLimit: 4, minToolSteps: 2 })
    server.onChat((request) =>
      lastUserMessage(request).includes('step limit')
        ? answer(findingsXml([grounded()]))
        : toolCall('grep', { pattern: 'row', path: 'src' }),
    )
    const result = await synthesizer.synthesize(input())
    server.onChat(() => answer('ok'))
    expect(result.agent).toMatchObject({ stepLimitHit: true, stepsUsed: 4, toolSteps: 3, stepLimit: 4 })
    expect(server.requests.map(toolChoiceOf)).toEqual(['required', 'required', 'auto', 'none', 'none'])
    expect(result.agent?.repair.reason).toContain('You reached the step limit')
    expect(result.findings).toHaveLength(1)
    expect(result.notes.join('\n')).toContain('used all 4 steps')
  })

  it('makes a lazy model keep investigating until the minimum is met', async () => {
    const { synthesizer } = agent({ minToolSteps: 3 })
    server.enqueue(
      toolCall('list_tree', { depth: 1 }),
      answer(findingsXml([grounded()])),
      toolCall('blame', { path: 'src/db.ts', startLine: 1, endLine: 3 }),
      toolCall('search_commits', { query: 'fix' }),
      answer(findingsXml([grounded()])),
    )
    const result = await synthesizer.synthesize(input())
    expect(toolChoiceOf(server.requests[1])).toBe('required')
    expect(lastUserMessage(server.requests[2])).toContain(
      'you have made 1 tool step, and the harness requires at least 3',
    )
    expect(toolStepsIn(server.requests[4] ?? server.requests[0]!)).toBe(3)
    expect(result.agent).toMatchObject({ stepsUsed: 5, toolSteps: 3, budgetMissed: false })
    const harness = result.agent?.transcript.filter((entry) => entry.kind === 'harness')
    expect(harness?.map((entry) => entry.kind === 'harness' && entry.reason)).toEqual(['budget'])
    expect(result.findings).toHaveLength(1)
  })

  it('stops nudging a model that ignores tool_choice after two nudges, and streams its findings answer once', async () => {
    const events: AgentEvent[] = []
    const { synthesizer } = agent({ minToolSteps: 3, onEvent: (event) => events.push(event) })
    server.onChat(() => answer(`Here is what I found.\n${findingsXml([grounded()])}`))
    const result = await synthesizer.synthesize(input())
    server.onChat(() => answer('ok'))
    // The first answer and two nudged ones: never the 24 nudges a step limit of 30 would allow.
    expect(server.requests).toHaveLength(3)
    expect(server.requests.map((request) => request.toolChoice)).toEqual(['required', 'required', 'required'])
    expect(result.agent).toMatchObject({ nudges: 2, budgetMissed: true, toolSteps: 0, outcome: 'findings' })
    expect(result.findings).toHaveLength(1)
    expect(
      events.filter((event) => event.type === 'harness').map((event) => event.type === 'harness' && event.reason),
    ).toEqual(['budget', 'budget', 'nudge-limit'])
    const streamed = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('')
    expect(streamed.match(/<findings>/g)).toHaveLength(1)
    expect(streamed.match(/Here is what I found/g)).toHaveLength(3)
    expect(events.filter((event) => event.type === 'text-held')).toHaveLength(2)
    expect(result.notes.join('\n')).toContain('(2 nudges sent)')
  })

  it('says the synthesis failed when every finding is dropped, naming each and why', async () => {
    const { synthesizer } = agent()
    const invented = (title: string): ScriptedFinding => ({
      title,
      evidence: [{ source: 'git', ref: '0123456789abcdef0123456789abcdef01234567' }],
    })
    server.enqueue(
      ...investigation(),
      answer(findingsXml([invented('A ghost commit'), { ...invented('Bad category'), category: 'vibes' }])),
      answer(findingsXml([invented('A ghost commit'), invented('Another ghost')])),
    )
    const result = await synthesizer.synthesize(input())
    expect(result.findings).toEqual([])
    expect(result.agent?.outcome).toBe('rejected')
    expect(result.agent?.droppedFindings.details.map((item) => item.title)).toEqual(['A ghost commit', 'Another ghost'])
    expect(result.notes.join('\n')).toContain('Every finding the agent wrote was dropped')
  })

  it('says so when the model never gives a <findings> answer, even after the repair turn', async () => {
    const { synthesizer } = agent()
    server.enqueue(...investigation(), answer('I looked around.'), answer('Nothing to add, really.'))
    const result = await synthesizer.synthesize(input())
    expect(result.agent?.outcome).toBe('no-answer')
    expect(result.agent?.repair.used).toBe(true)
    expect(server.requests).toHaveLength(5)
  })

  it('fails with a SynthesisError carrying the transcript when the model cannot be reached', async () => {
    const { synthesizer, meter } = agent()
    server.enqueue(investigation()[0]!, { kind: 'status', status: 500, message: 'upstream down' })
    const failure = await synthesizer.synthesize(input()).catch((error: unknown) => error)
    expect(SynthesisError.isInstance(failure)).toBe(true)
    expect((failure as SynthesisError).message).toContain('upstream down')
    expect((failure as SynthesisError).transcript).toHaveLength(1)
    expect(meter.report()[0]).toMatchObject({ requests: 1, failedRequests: 1 })
  })

  it('stops mid-investigation when the signal is aborted', async () => {
    const controller = new AbortController()
    const { synthesizer } = agent({
      onEvent: (event) => {
        if (event.type === 'tool-result') controller.abort(new Error('interrupted by the user'))
      },
    })
    server.enqueue(investigation()[0]!, { kind: 'hang' })
    await expect(synthesizer.synthesize({ ...input(), signal: controller.signal })).rejects.toThrow(
      'interrupted by the user',
    )
  })

  it('refuses to start on a directory that is not a git work tree, before calling the model', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'gitlore-not-a-repo-'))
    const synthesizer = createSynthesizer({ kind: 'agent', model: loopbackModel(server), repositoryDir: empty })
    await expect(synthesizer.synthesize(input())).rejects.toThrow(/need the git binary on PATH and a git work tree/)
    expect(server.requests).toHaveLength(0)
    await rm(empty, { recursive: true, force: true })
  })
})
