import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildHistoryFixture, type GitHubServer, reviewWorld, startGitHubServer } from '@gitlore/fixtures'
import {
  type ChatReply,
  type LoopbackModelServer,
  type LoopbackModelServerOptions,
  type RecordedRequest,
  refusingModelUrl,
  startLoopbackModelServer,
} from '@gitlore/llm/test'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { captureTerminal, writeUserConfig } from './capture-terminal.test-helper.js'
import { main } from './main.js'

// A model provider failing at run time, as a user meets it: every stage that needs it falls back to
// its offline counterpart for what is not done yet, what was paid for is kept and reused, the report
// says so, and the run ends with exit 3 within a bound, whatever the fault.

const token = 'ghp_FAKEtokenForTheFaultTest0123456789'
let github: GitHubServer
const servers: LoopbackModelServer[] = []
beforeAll(async () => {
  github = await startGitHubServer({ repositories: [reviewWorld()], token })
})
afterAll(() => github.close())
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const promptOf = (request: RecordedRequest) => request.messages.map((message) => message.content).join('\n')
const commentsIn = (prompt: string) =>
  [...prompt.matchAll(/<comment id="([^"]+)"[^>]*>\n([\s\S]*?)\n<\/comment>/g)].map((match) => ({
    id: match[1] as string,
    body: match[2] as string,
  }))
/** The comments a healthy model classifies: those of even length (the others fail, and stay unpaid). */
const answered = (body: string) => body.length % 2 === 0

/** A model that classifies (the comments of even length, or `all`), labels and investigates (tools, then findings). */
function healthy(request: RecordedRequest, all = false): ChatReply {
  const prompt = promptOf(request)
  if (prompt.includes('Name the theme')) return { kind: 'message', text: 'Null checks before database lookups' }
  const body = request.body as { tools?: unknown[] }
  if (body.tools !== undefined) {
    if (!request.messages.some((message) => message.role === 'tool')) {
      return { kind: 'message', toolCalls: [{ name: 'read_file', arguments: { path: 'src/db.ts' } }] }
    }
    return {
      kind: 'message',
      text: '<findings><finding category="fragile_area" severity="high"><title>Database lookups need null checks</title><insight>src/db.ts returns undefined for missing rows.</insight><evidence source="code" ref="src/db.ts:1">The lookup.</evidence></finding></findings>',
    }
  }
  const items = commentsIn(prompt)
    .filter((comment) => all || answered(comment.body))
    .map((comment) => `<c id="${comment.id}" categories="bug" confidence="0.9"/>`)
  return { kind: 'message', text: `<classifications>\n${items.join('\n')}\n</classifications>` }
}

async function modelServer(options: LoopbackModelServerOptions = {}) {
  const server = await startLoopbackModelServer(options)
  servers.push(server)
  return server
}

async function analyze(dir: string, modelsUrl: string, env: Record<string, string> = {}) {
  const terminal = captureTerminal(dir)
  writeUserConfig(
    terminal,
    [
      '[github]',
      'repo = "octo/hello"',
      `api_url = "${github.url}"`,
      '[models]',
      'classifier = "compatible/scripted"',
      'embedding = "compatible/embed"',
      'synthesizer = "compatible/scripted"',
      'response_timeout = 2',
      '[providers.compatible]',
      `base_url = "${modelsUrl}"`,
      'api_key_env = "LOOP_KEY"',
      '',
    ].join('\n'),
  )
  const started = Date.now()
  const code = await main(['analyze', '--repo', dir, '--since', '2024-01-01', '--format', 'report,json'], {
    ...terminal,
    env: { ...terminal.env, GITHUB_TOKEN: token, LOOP_KEY: 'sk-right', ...env },
  })
  return { code, seconds: (Date.now() - started) / 1000, ...terminal.output }
}

/** A repository analysed once with a healthy model: some comments classified, embeddings, labels, cached. */
async function paidFor() {
  const { dir } = await buildHistoryFixture()
  const server = await modelServer({ apiKey: 'sk-right' })
  server.onChat(healthy)
  const paid = await analyze(dir, server.url)
  expect(paid.stderr).toMatch(/classified \d+ of \d+ comments with compatible\/scripted/)
  const cached = server.requests.flatMap((request) =>
    request.endpoint === 'chat' ? commentsIn(promptOf(request)).filter((comment) => answered(comment.body)) : [],
  )
  expect(cached.length).toBeGreaterThan(0)
  return { dir, cachedBodies: new Set(cached.map((comment) => comment.body)), paidReport: paid }
}

async function faultRun(server: LoopbackModelServer | string, env: Record<string, string> = {}) {
  const paid = await paidFor()
  const before = await readFile(join(paid.dir, 'gitlore-report.md'), 'utf8')
  const run = await analyze(paid.dir, typeof server === 'string' ? server : server.url, env)
  // The agent's good report stays; this run's degraded one is written beside it.
  expect(await readFile(join(paid.dir, 'gitlore-report.md'), 'utf8')).toBe(before)
  const aside = /this run's are in (\S+)/.exec(run.stderr)?.[1]
  expect(aside).toBeDefined()
  const report = await readFile(join(aside ?? '', 'gitlore-report.md'), 'utf8')
  const asked = typeof server === 'string' ? [] : server.requests
  // Nothing already paid for is asked again: no classified comment is in any prompt of this run.
  for (const request of asked) {
    for (const comment of commentsIn(promptOf(request))) expect(paid.cachedBodies.has(comment.body)).toBe(false)
  }
  expect(asked.filter((request) => request.endpoint === 'embeddings')).toEqual([])
  return { ...run, report, asked }
}

/** What every fault ends in: exit 3, a report saying what fell back, classifications from the cache kept. */
function expectDegradedReport(run: Awaited<ReturnType<typeof faultRun>>, reason: RegExp) {
  expect(run.code).toBe(3)
  expect(run.stderr).toMatch(reason)
  expect(run.stderr).toMatch(/cut off for the rest of the run/)
  expect(run.report).toContain('**Degraded run:**')
  expect(run.report).toMatch(
    /classification: compatible\/scripted failed during the run .*the offline classifier took over \d+ of \d+ comments/,
  )
  expect(run.report).toContain('synthesis:')
}

describe('gitlore analyze when the model provider fails at run time', () => {
  it('a wrong key: cut off at the first refusal, the rest offline, exit 3', async () => {
    const server = await modelServer({ apiKey: 'sk-right' })
    const run = await faultRun(server, { LOOP_KEY: 'sk-wrong' })
    expectDegradedReport(run, /refused the API key \(HTTP 401/)
    // Neither the key sent nor the part of the real one the provider echoed.
    expect(run.stderr).not.toContain('sk-wrong')
    expect(`${run.stderr}${run.report}`).not.toMatch(/sk-lo|\*\*\*/)
    expect(run.asked.length).toBeLessThanOrEqual(8)
    expect(run.seconds).toBeLessThan(30)
  })

  it('the server down: finished within a minute, exit 3', async () => {
    const run = await faultRun(refusingModelUrl)
    expectDegradedReport(run, /requests in a row failed \(last: .*ECONNREFUSED/)
    expect(run.seconds).toBeLessThan(60)
  })

  it('the server hanging: cut off after the response timeout, exit 3', async () => {
    const server = await modelServer()
    server.onChat(() => ({ kind: 'hang' }))
    const run = await faultRun(server)
    expectDegradedReport(run, /no answer in time/)
    // response_timeout = 2: the first requests in flight time out together, then nothing waits.
    expect(run.seconds).toBeLessThan(30)
  })

  it('a storm of 5xx answers: cut off after a few, SDK retries counted, exit 3', async () => {
    const server = await modelServer()
    server.onChat(() => ({ kind: 'status', status: 503, retryAfterMs: 1, message: 'overloaded' }))
    const run = await faultRun(server)
    expectDegradedReport(run, /requests in a row failed \(last: HTTP 503: overloaded\)/)
    expect(run.asked.length).toBeLessThanOrEqual(12)
  })

  it('malformed answers: cut off after a few unusable ones, exit 3', async () => {
    const server = await modelServer()
    server.onChat(() => ({ kind: 'malformed' }))
    const run = await faultRun(server)
    expectDegradedReport(run, /answers in a row could not be used/)
    expect(run.asked.length).toBeLessThanOrEqual(12)
  })

  it('a model that ignores tool_choice: two nudges, then its answer is taken; nothing degraded, exit 0', async () => {
    const { dir } = await buildHistoryFixture()
    const server = await modelServer({ apiKey: 'sk-right' })
    server.onChat((request) => {
      if ((request.body as { tools?: unknown[] }).tools === undefined) return healthy(request, true)
      return {
        kind: 'message',
        text: '<findings><finding category="fragile_area" severity="high"><title>Database lookups need null checks</title><insight>src/db.ts returns undefined for missing rows.</insight><evidence source="code" ref="src/db.ts:1">The lookup.</evidence></finding></findings>',
      }
    })
    const run = await analyze(dir, server.url)
    expect(run.code).toBe(0)
    const agentRequests = server.requests.filter(
      (request) => (request.body as { tools?: unknown[] }).tools !== undefined,
    )
    expect(agentRequests.map((request) => request.toolChoice)).toEqual(['required', 'required', 'required'])
    expect(run.stderr).toContain('harness (nudge-limit)')
    const report = await readFile(join(dir, 'gitlore-report.md'), 'utf8')
    expect(report).toContain('Database lookups need null checks')
    expect(report).toContain('(2 nudges sent)')
    expect(run.seconds).toBeLessThan(30)
  })
})
