#!/usr/bin/env node
// Fault table: `gitlore analyze` (the built CLI, as a child process whose stderr is not a terminal)
// on a generated repository against a loopback GitHub and a loopback OpenAI-compatible model server,
// one injected fault per row. Each model-fault row first runs once with a healthy model, so the
// cache holds paid work (classifications of half the comments, embeddings, theme labels) that the
// faulty run must reuse, not ask for again. Not a test: it prints a markdown table.
// Run `pnpm build` first, then `node bench/faults.mjs` (--response-timeout S: [models]
// response_timeout for the hanging server; default 10).
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { 'response-timeout': { type: 'string', default: '10' } } })
const cli = join(root, 'apps/cli/bundle/bin.js')
const load = (path) =>
  import(join(root, path)).catch(() => {
    console.error(`bench: ${path} is missing; run \`pnpm build\` first`)
    process.exit(2)
  })
const fixtures = await load('fixtures/dist/index.js')
const { startLoopbackModelServer } = await load('packages/llm/dist/test/index.js')

const token = 'ghp_benchmarkTokenNotReal0123456789'
const work = join(root, 'bench/.work/faults')
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })

const promptOf = (request) => request.messages.map((message) => message.content).join('\n')
const commentsIn = (prompt) =>
  [...prompt.matchAll(/<comment id="([^"]+)"[^>]*>\n([\s\S]*?)\n<\/comment>/g)].map((match) => ({
    id: match[1],
    body: match[2],
  }))
const answered = (body) => body.length % 2 === 0
const findings = (ref) =>
  `<findings><finding category="fragile_area" severity="high"><title>Database lookups need null checks</title><insight>src/db.ts returns undefined for missing rows.</insight><evidence source="code" ref="${ref}">The lookup.</evidence></finding></findings>`
const isAgent = (request) => request.body?.tools !== undefined
const investigated = (request) => request.messages.some((message) => message.role === 'tool')

/** The model of the paid run: classifies the comments of even length only, names themes, investigates once, answers. */
function healthy(request, all = false) {
  const prompt = promptOf(request)
  if (prompt.includes('Name the theme')) return { kind: 'message', text: 'Null checks before database lookups' }
  if (isAgent(request)) {
    if (!investigated(request)) {
      return { kind: 'message', toolCalls: [{ name: 'read_file', arguments: { path: 'src/db.ts' } }] }
    }
    return { kind: 'message', text: findings('src/db.ts:1') }
  }
  const items = commentsIn(prompt)
    .filter((comment) => all || answered(comment.body))
    .map((comment) => `<c id="${comment.id}" categories="bug" confidence="0.9"/>`)
  return { kind: 'message', text: `<classifications>\n${items.join('\n')}\n</classifications>` }
}
/** A working model that classifies every comment. */
const working = (request) => healthy(request, true)

function run(args, env, configToml) {
  const config = mkdtempSync(join(tmpdir(), 'gitlore-faults-config-'))
  mkdirSync(join(config, 'gitlore'), { recursive: true })
  writeFileSync(join(config, 'gitlore', 'gitlore.toml'), configToml)
  const started = performance.now()
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH, HOME: config, XDG_CONFIG_HOME: config, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('close', (code) => done({ code, stderr, seconds: (performance.now() - started) / 1000 }))
  })
}

const modelConfig = (github, modelsUrl, repo = 'octo/hello') =>
  [
    '[github]',
    `repo = "${repo}"`,
    `api_url = "${github.url}"`,
    '[models]',
    'classifier = "compatible/scripted"',
    'embedding = "compatible/embed"',
    'synthesizer = "compatible/scripted"',
    `response_timeout = ${values['response-timeout']}`,
    '[providers.compatible]',
    `base_url = "${modelsUrl}"`,
    'api_key_env = "LOOP_KEY"',
    '',
  ].join('\n')
const offlineConfig = (github, repo = 'octo/hello') =>
  `[github]\nrepo = "${repo}"\napi_url = "${github.url}"\n[models]\nclassifier = "offline"\nembedding = "offline"\nsynthesizer = "offline"\n`

/** The lines a user reads to know what happened: warnings, or the review line when there is none. */
function saw(stderr) {
  const lines = stderr.split('\n')
  const picked = lines.filter(
    (line) =>
      /^warning: (provider|compatible|GitHub #)/.test(line) ||
      /^warning: (reviews|classification|synthesis|clustering)( incomplete)?:/.test(line) ||
      /^ {2}harness \(nudge-limit\)/.test(line),
  )
  const shown = (picked.length > 0 ? picked : lines.filter((line) => /^reviews: /.test(line))).slice(0, 3)
  return shown
    .map((line) => line.replace(/\/tmp\/\S+/g, '…').replace(/\|/g, '/'))
    .map((line) => (line.length > 170 ? `${line.slice(0, 170)}…` : line))
    .join('<br>')
}

const rows = []
async function scenario(label, { world, fault, configFor, env = {}, paid = true, githubFault }) {
  const github = await fixtures.startGitHubServer({
    repositories: [world ?? fixtures.reviewWorld()],
    token,
    rateLimit: 1_000_000,
    ...(githubFault === undefined ? {} : { intercept: githubFault }),
  })
  const dir = join(work, label.replace(/\W+/g, '-'))
  await fixtures.buildHistoryFixture(dir)
  const args = ['analyze', '--repo', dir, '--since', '2024-01-01', '--format', 'report,json']
  const baseEnv = { GITHUB_TOKEN: token, LOOP_KEY: 'sk-right' }
  // Comments the paid run got classifications for: the faulty run must not send any of them again.
  const paidBodies = new Set()
  try {
    if (paid) {
      const healthyServer = await startLoopbackModelServer({ apiKey: 'sk-right' })
      healthyServer.onChat(healthy)
      await run(args, baseEnv, modelConfig(github, healthyServer.url))
      for (const request of healthyServer.requests) {
        for (const comment of commentsIn(promptOf(request))) if (answered(comment.body)) paidBodies.add(comment.body)
      }
      await healthyServer.close()
    }
    const server = fault === undefined ? undefined : await fault()
    const githubBefore = github.requests.length
    const result = await run(args, { ...baseEnv, ...env }, configFor(github, server?.url ?? 'http://127.0.0.1:9/v1'))
    const askedAgain = (server?.requests ?? []).filter(
      (request) =>
        request.endpoint === 'embeddings' ||
        promptOf(request).includes('Name the theme') ||
        commentsIn(promptOf(request)).some((comment) => paidBodies.has(comment.body)),
    ).length
    rows.push({
      label,
      askedAgain: paid ? String(askedAgain) : '–',
      model: server?.requests.length ?? 0,
      github: github.requests.length - githubBefore,
      seconds: result.seconds,
      code: result.code,
      saw: saw(result.stderr),
    })
    await server?.close()
  } finally {
    await github.close()
  }
}

const withServer = (options, handler) => async () => {
  const server = await startLoopbackModelServer(options)
  if (handler !== undefined) server.onChat(handler)
  return server
}
const closedServer = async () => {
  const server = await startLoopbackModelServer()
  const url = server.url
  await server.close()
  return { url, requests: [], close: async () => {} }
}
const viaModel = (github, url) => modelConfig(github, url)

await scenario('model healthy (half the comments cached by the run before)', {
  fault: withServer({ apiKey: 'sk-right' }, working),
  configFor: viaModel,
})
await scenario('model: wrong key (401)', {
  fault: withServer({ apiKey: 'sk-right' }),
  configFor: viaModel,
  env: { LOOP_KEY: 'sk-wrong' },
})
await scenario('model: server down (connection refused)', { fault: closedServer, configFor: viaModel })
await scenario(`model: server hanging (response_timeout ${values['response-timeout']} s)`, {
  fault: withServer({}, () => ({ kind: 'hang' })),
  configFor: viaModel,
})
await scenario('model: 5xx storm (503 to everything)', {
  fault: withServer({}, () => ({ kind: 'status', status: 503, retryAfterMs: 1, message: 'overloaded' })),
  configFor: viaModel,
})
await scenario('model: malformed answers (body not JSON)', {
  fault: withServer({}, () => ({ kind: 'malformed' })),
  configFor: viaModel,
})
await scenario('model: tool_choice ignored (answers at once)', {
  fault: withServer({ apiKey: 'sk-right' }, (request) =>
    isAgent(request) ? { kind: 'message', text: findings('src/db.ts:1') } : working(request),
  ),
  configFor: viaModel,
})
await scenario('model: every finding cites nothing real', {
  fault: withServer({ apiKey: 'sk-right' }, (request) =>
    isAgent(request) && investigated(request)
      ? { kind: 'message', text: findings('0123456789abcdef0123456789abcdef01234567') }
      : working(request),
  ),
  configFor: viaModel,
})
await scenario('GitHub: PR #2 FORBIDDEN on every answer', {
  paid: false,
  githubFault: fixtures.forbiddenPullRequest(2),
  configFor: (github) => offlineConfig(github),
})
await scenario('GitHub: PR #2 FORBIDDEN once', {
  paid: false,
  githubFault: fixtures.forbiddenPullRequest(2, { times: 1 }),
  configFor: (github) => offlineConfig(github),
})
await scenario('GitHub: follow-up partial error once', {
  paid: false,
  githubFault: fixtures.failingFollowUp(1),
  configFor: (github) => offlineConfig(github),
})
const big = () => fixtures.generateGitHubWorld({ owner: 'octo', name: 'big', pullRequests: 300, comments: 3000 })
await scenario('GitHub: 300 PRs, healthy', {
  paid: false,
  world: big(),
  configFor: (github) => offlineConfig(github, 'octo/big'),
})
await scenario('GitHub: 300 PRs, connections over 20 items refused (502)', {
  paid: false,
  world: big(),
  githubFault: fixtures.connectionSizeLimit(20),
  configFor: (github) => offlineConfig(github, 'octo/big'),
})
await scenario('GitHub: 300 PRs, 502 storm (first 6 requests)', {
  paid: false,
  world: big(),
  githubFault: fixtures.badGatewayStorm(6),
  configFor: (github) => offlineConfig(github, 'octo/big'),
})

console.log(
  '| scenario | model requests | of them for paid work | GitHub requests | wall time | exit | what the user saw |',
)
console.log('|---|---:|---:|---:|---:|---:|---|')
for (const row of rows) {
  console.log(
    `| ${row.label} | ${row.model} | ${row.askedAgain} | ${row.github} | ${row.seconds.toFixed(1)} s | ${row.code} | ${row.saw} |`,
  )
}
console.log(
  `\nEach model row ran once with a healthy model first (not shown): half the comments classified and cached, embeddings and theme labels cached; "of them for paid work" counts requests of the faulty run for any of those (embeddings, theme labels, classified comments). Node ${process.version}; ${readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? '?'} cores.`,
)
