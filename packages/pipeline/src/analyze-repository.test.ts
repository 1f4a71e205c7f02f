import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createCache } from '@gitlore/cache'
import { buildHistoryFixture, git } from '@gitlore/fixtures'
import { type LoopbackModelServer, startLoopbackModelServer } from '@gitlore/llm/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeRepository } from './analyze-repository.js'
import { openRepositoryCache } from './open-repository-cache.js'
import type { PipelineEvent } from './pipeline-event.js'

const env = { PATH: process.env.PATH }

describe('analyzeRepository offline', () => {
  it('writes the outputs, stores the run, logs its lines and reports every stage ok', async () => {
    const { dir } = await buildHistoryFixture()
    const events: PipelineEvent[] = []
    const result = await analyzeRepository({
      dir: join(dir, 'src'),
      since: 'all',
      offline: true,
      env,
      onEvent: (event) => events.push(event),
    })
    expect(result.root).toBe(dir)
    expect(result.degraded).toBe(false)
    // Review data is not applicable here (no GitHub origin, offline): skipped, not degraded.
    expect(result.stages.map((stage) => [stage.stage, stage.status])).toEqual([
      ['history', 'ok'],
      ['reviews', 'skipped'],
      ['synthesis', 'ok'],
      ['knowledge', 'ok'],
    ])
    expect(result.run.status).toBe('finished')
    expect(result.outputs.map((output) => output.path)).toEqual([
      join(dir, 'gitlore-report.md'),
      join(dir, 'gitlore-report.html'),
    ])
    expect(await readFile(join(dir, 'gitlore-report.md'), 'utf8')).toBe(result.outputs[0]?.content)
    const nonMerges = Number((await git(dir, ['rev-list', '--count', '--no-merges', 'HEAD'])).trim())
    expect(result.context.commits.total).toBe(nonMerges)
    expect(result.findings.length).toBeGreaterThan(0)
    expect(result.usage).toEqual([])

    // The run is stored under its id, and the log holds exactly the lines the events carried.
    const { cache } = await openRepositoryCache({ dir, env })
    try {
      expect((await cache.getRun(result.runId))?.findings).toEqual(result.findings)
    } finally {
      await cache.close()
    }
    const total = Number((await git(dir, ['rev-list', '--count', 'HEAD'])).trim())
    expect(events[0]).toMatchObject({ type: 'progress', stage: 'history', label: 'reading history' })
    expect(events).toContainEqual({
      type: 'stage-done',
      stage: 'history',
      message: expect.stringMatching(`read ${total} commits`),
    })
    const last = events.at(-1)
    expect(last).toMatchObject({ type: 'note', stage: 'run' })
    expect(last?.type === 'note' && last.message).toContain(`(run ${result.runId})`)
    const log = (await readFile(join(dir, '.gitlore', 'gitlore.log'), 'utf8')).trim().split('\n')
    const permanent = events.filter((event) => event.type !== 'progress')
    expect(log.map((line) => line.replace(/^\S+ /, ''))).toEqual([
      ...permanent.map((event) => (event as { message: string }).message),
      expect.stringMatching(`^run ${result.runId} finished \\(after [\\d.]+ s\\)$`),
    ])
  })

  it('dry run: renders the outputs without writing them or context.json', async () => {
    const { dir } = await buildHistoryFixture()
    const result = await analyzeRepository({ dir, since: 'all', offline: true, env, dryRun: true, formats: ['json'] })
    expect(result.outputs).toHaveLength(1)
    expect(result.outputs[0]?.written).toBe(false)
    expect(JSON.parse(result.outputs[0]?.content ?? '').findings).toHaveLength(result.findings.length)
    await expect(stat(join(dir, 'findings.json'))).rejects.toThrow()
    await expect(stat(join(dir, '.gitlore', 'context.json'))).rejects.toThrow()
  })

  it('uses a cache it is given and leaves it open; with cache false nothing is stored', async () => {
    const { dir } = await buildHistoryFixture()
    const cache = await createCache({ path: join(dir, 'elsewhere.db') })
    try {
      const stored = await analyzeRepository({ dir, since: 'all', offline: true, env, cache, formats: ['json'] })
      expect(stored.stored).toBe(true)
      expect((await cache.latestRun())?.id).toBe(stored.runId)
      expect((await cache.stats()).rows.commits).toBeGreaterThan(0)
    } finally {
      await cache.close()
    }
    const unstored = await analyzeRepository({ dir, since: 'all', offline: true, env, cache: false, formats: ['json'] })
    expect(unstored.stored).toBe(false)
    await expect(stat(join(dir, '.gitlore', 'cache.db'))).rejects.toThrow()
  })

  it('a listener that throws does not break the run', async () => {
    const { dir } = await buildHistoryFixture()
    const result = await analyzeRepository({
      dir,
      since: 'all',
      offline: true,
      env,
      formats: ['json'],
      onEvent: () => {
        throw new Error('listener bug')
      },
    })
    expect(result.findings.length).toBeGreaterThan(0)
  })

  it('an abort stops the run before anything is written, and the run is recorded as interrupted', async () => {
    const { dir } = await buildHistoryFixture()
    const controller = new AbortController()
    const run = analyzeRepository({
      dir,
      since: 'all',
      offline: true,
      env,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'stage-done' && event.stage === 'history') controller.abort()
      },
    })
    await expect(run).rejects.toThrow(/abort/i)
    await expect(stat(join(dir, 'gitlore-report.md'))).rejects.toThrow()
    const { cache } = await openRepositoryCache({ dir, env })
    try {
      // Nothing to render, but `gitlore runs` lists it with how it ended.
      expect(await cache.latestRun()).toBeNull()
      const [summary] = await cache.listRuns()
      expect(summary).toMatchObject({ status: 'interrupted', findings: 0 })
      expect(await cache.getRun(summary?.id ?? '')).toMatchObject({
        status: 'interrupted',
        error: expect.stringMatching(/^interrupted during (history|reviews|run)$/),
        report: null,
        stages: expect.arrayContaining([expect.objectContaining({ stage: 'history', status: 'ok' })]),
      })
    } finally {
      await cache.close()
    }
    const log = await readFile(join(dir, '.gitlore', 'gitlore.log'), 'utf8')
    expect(log).toMatch(/run \S+ interrupted during \w+ \(after [\d.]+ s\)\n$/)
  })

  it('an abort while the knowledge index is refreshed ends the run as interrupted, not finished', async () => {
    const { dir } = await buildHistoryFixture()
    const controller = new AbortController()
    const run = analyzeRepository({
      dir,
      since: 'all',
      offline: true,
      env,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'stage-done' && event.stage === 'knowledge') controller.abort()
      },
    })
    await expect(run).rejects.toThrow(/abort/i)
    const { cache } = await openRepositoryCache({ dir, env })
    try {
      const [summary] = await cache.listRuns()
      expect(summary).toMatchObject({ status: 'interrupted' })
      expect((await cache.getRun(summary?.id ?? ''))?.error).toBe('interrupted during knowledge')
    } finally {
      await cache.close()
    }
  })

  it('a run that fails after its repository is known is recorded as failed, with the error', async () => {
    const { dir } = await buildHistoryFixture()
    const run = analyzeRepository({
      dir,
      since: 'all',
      offline: true,
      env,
      formats: ['json'],
      outDir: join(dir, 'README.md', 'cannot-be-a-directory'),
    })
    const reason = `${join(dir, 'README.md')} is not a directory; gitlore needs a directory there: move the file away, or choose another place with --out`
    await expect(run).rejects.toThrow(reason)
    const { cache } = await openRepositoryCache({ dir, env })
    try {
      const [summary] = await cache.listRuns()
      expect(summary?.status).toBe('failed')
      expect((await cache.getRun(summary?.id ?? ''))?.error).toBe(`failed during outputs: ${reason}`)
    } finally {
      await cache.close()
    }
    expect(await readFile(join(dir, '.gitlore', 'gitlore.log'), 'utf8')).toMatch(/run \S+ failed during /)
  })

  it('an already aborted signal reads no history', async () => {
    const { dir } = await buildHistoryFixture()
    const events: PipelineEvent[] = []
    const run = analyzeRepository({
      dir,
      offline: true,
      env,
      signal: AbortSignal.abort(),
      onEvent: (event) => events.push(event),
    })
    await expect(run).rejects.toThrow()
    expect(events.filter((event) => event.type === 'stage-done')).toEqual([])
  })

  it('a bad configuration key rejects with a usage error naming it', async () => {
    const { dir } = await buildHistoryFixture()
    const run = analyzeRepository({ dir, offline: true, env, config: { analysis: { sinse: '30d' } as never } })
    await expect(run).rejects.toMatchObject({ kind: 'usage', message: expect.stringContaining('analysis.sinse') })
  })
})

describe('analyzeRepository with a compatible/ synthesizer', () => {
  let server: LoopbackModelServer
  beforeAll(async () => {
    server = await startLoopbackModelServer()
  })
  afterAll(() => server.close())

  /** A git-only run of a fresh fixture (or of `dir`) whose synthesizer is the scripted model. */
  const analyzeWithModel = async (events: PipelineEvent[] = [], dir?: string) => {
    dir ??= (await buildHistoryFixture()).dir
    return analyzeRepository({
      dir,
      since: 'all',
      gitOnly: true,
      env,
      formats: ['report', 'json'],
      config: {
        models: { synthesizer: 'compatible/scripted' },
        providers: { compatible: { base_url: server.url } },
      },
      onEvent: (event) => events.push(event),
    })
  }
  /** Investigates once (one tool call), then answers `findings` every time. */
  const scriptAgent = (findings: string) => {
    server.reset()
    server.onChat((request) => {
      const { messages } = request.body as { messages: { role: string }[] }
      if (!messages.some((message) => message.role === 'tool')) {
        return { kind: 'message', toolCalls: [{ name: 'read_file', arguments: { path: 'src/db.ts' } }] }
      }
      return { kind: 'message', text: findings }
    })
  }
  const finding = (title: string, ref: string) =>
    `<finding category="fragile_area" severity="high"><title>${title}</title><insight>It changes often.</insight><evidence source="code" ref="${ref}">The lookup.</evidence></finding>`

  it("passes the agent's tool calls on as events and counts the model's usage", async () => {
    server.reset()
    server.onChat((request) => {
      const { messages } = request.body as { messages: { role: string }[] }
      if (!messages.some((message) => message.role === 'tool')) {
        return { kind: 'message', toolCalls: [{ name: 'read_file', arguments: { path: 'src/db.ts' } }] }
      }
      return {
        kind: 'message',
        text: '<findings><finding category="fragile_area" severity="high"><title>db lookups</title><insight>src/db.ts changes often.</insight><evidence source="code" ref="src/db.ts:1">The lookup.</evidence><file>src/db.ts</file></finding></findings>',
      }
    })
    const events: PipelineEvent[] = []
    const result = await analyzeWithModel(events)
    expect(result.degraded).toBe(false)
    expect(result.findings.map((finding) => finding.title)).toContain('db lookups')
    expect(result.run.report).toMatchObject({ synthesizer: 'compatible/scripted' })
    expect(result.usage[0]).toMatchObject({ model: 'compatible/scripted', requests: server.requests.length })
    expect(result.agent?.toolCalls).toBe(1)
    const toolResults = events.filter((event) => event.type === 'agent' && event.event.type === 'tool-result')
    expect(toolResults).toHaveLength(1)
    expect(toolResults[0]).toMatchObject({ message: expect.stringMatching(/read_file src\/db\.ts.* -> [\d,]+ chars/) })
  })

  it('a synthesis whose findings were all dropped is degraded, keeps the good reports and stores what was dropped', async () => {
    const { dir } = await buildHistoryFixture()
    scriptAgent(`<findings>${finding('db lookups', 'src/db.ts:1')}</findings>`)
    const good = await analyzeWithModel([], dir)
    expect(good.degraded).toBe(false)
    const goodReport = await readFile(join(dir, 'gitlore-report.md'), 'utf8')
    expect(goodReport).toContain('db lookups')

    scriptAgent(
      `<findings>${finding('A ghost', 'deadbeefdeadbeef')}${finding('Another ghost', 'src/nowhere.ts')}</findings>`,
    )
    const events: PipelineEvent[] = []
    const rejected = await analyzeWithModel(events, dir)
    expect(rejected.degraded).toBe(true)
    expect(rejected.stages.find((stage) => stage.stage === 'synthesis')).toMatchObject({
      status: 'degraded',
      detail: expect.stringContaining(
        'every one of the 2 findings it wrote was dropped (2 without a resolvable citation',
      ),
    })
    // The offline findings are this run's; the agent's good report stays where it was.
    expect(rejected.run.report).toMatchObject({ synthesizer: 'offline' })
    expect(rejected.findings.length).toBeGreaterThan(0)
    expect(await readFile(join(dir, 'gitlore-report.md'), 'utf8')).toBe(goodReport)
    const aside = join(dir, '.gitlore', 'runs', rejected.runId, 'gitlore-report.md')
    expect(rejected.outputs.map((output) => output.path)).toContain(aside)
    const report = await readFile(aside, 'utf8')
    expect(report).toContain('Dropped finding "A ghost": its one citation did not resolve')
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'warning',
        message: expect.stringContaining(`kept the outputs of run ${good.runId}`),
      }),
    )
    expect(rejected.run.dropped?.findings.map((item) => item.title)).toEqual(['A ghost', 'Another ghost'])
    expect(rejected.run.dropped?.citations).toContainEqual({
      finding: 'A ghost',
      ref: 'deadbeefdeadbeef',
      reason: 'no commit deadbeefdeadbeef in the repository',
    })
    expect(rejected.run.rawOutput).toContain('A ghost')
  })

  it('falls back to the offline synthesizer when the model fails, and says why in the stages', async () => {
    server.reset()
    server.onChat(() => ({ kind: 'status', status: 400, message: 'bad model' }))
    const result = await analyzeWithModel()
    expect(result.degraded).toBe(true)
    const synthesis = result.stages.find((stage) => stage.stage === 'synthesis')
    expect(synthesis).toMatchObject({
      status: 'degraded',
      detail: expect.stringContaining('compatible/scripted failed'),
    })
    expect(result.findings.length).toBeGreaterThan(0)
    expect(result.run.report).toMatchObject({ synthesizer: 'offline' })
  })
})
