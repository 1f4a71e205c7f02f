// Runs inside the release check's consumer project, against the installed tarballs: the classifier as
// a library, the agent through @gitlore/pipeline's analyzeRepository, and the installed `gitlore`
// binary (the first argument) with compatible/ models, all against the loopback OpenAI-compatible
// server that @gitlore/llm/test ships. Passing proves the prompts ship, in the packages and the bundle.
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createClassifier } from '@gitlore/classifier'
import type { ReviewComment } from '@gitlore/core'
import { createModelRegistry } from '@gitlore/llm'
import { type ChatReply, startLoopbackModelServer } from '@gitlore/llm/test'
import { analyzeRepository } from '@gitlore/pipeline'

const [bin, repository, classifierPrompt, synthesisPrompt] = process.argv.slice(2) as [string, string, string, string]
function fail(message: string): never {
  throw new Error(message)
}

interface ChatBody {
  readonly messages: readonly { readonly role: string; readonly content: unknown }[]
}
const text = (body: ChatBody) =>
  body.messages.map((message) => (typeof message.content === 'string' ? message.content : '')).join('\n')
const system = (body: ChatBody) => {
  const first = body.messages.find((message) => message.role === 'system')
  return typeof first?.content === 'string' ? first.content : ''
}

const tools: ChatReply[] = [
  { kind: 'message', toolCalls: [{ name: 'list_tree', arguments: { depth: 2 } }] },
  { kind: 'message', toolCalls: [{ name: 'read_file', arguments: { path: 'src/db.ts' } }] },
  { kind: 'message', toolCalls: [{ name: 'file_history', arguments: { path: 'src/db.ts' } }] },
  { kind: 'message', toolCalls: [{ name: 'search_commits', arguments: { query: 'fix' } }] },
  { kind: 'message', toolCalls: [{ name: 'read_file', arguments: { path: 'src/app.ts' } }] },
  { kind: 'message', toolCalls: [{ name: 'grep', arguments: { pattern: 'value' } }] },
]
const server = await startLoopbackModelServer()
try {
  server.onChat((request) => {
    const body = request.body as ChatBody
    const prompt = text(body)
    if (prompt.includes('<comment id=')) {
      const ids = [...prompt.matchAll(/<comment id="([^"]+)"/g)].map((match) => match[1])
      const answers = ids.map((id) => `<c id="${id}" categories="bug" confidence="0.9"/>`)
      return { kind: 'message', text: `<classifications>\n${answers.join('\n')}\n</classifications>` }
    }
    const toolSteps = body.messages.filter((message) => message.role === 'tool').length
    return (
      tools[toolSteps] ?? {
        kind: 'message',
        text: '<findings><finding category="fragile_area" severity="high"><title>src/db.ts changes with every fix</title><insight>Change src/db.ts together with its callers.</insight><evidence source="code" ref="src/db.ts:1">The lookup module.</evidence><file>src/db.ts</file></finding></findings>',
      }
    )
  })

  // 1. The classifier as a library, with the prompts its package ships.
  const registry = createModelRegistry({ env: {}, compatible: { baseUrl: server.url } })
  const resolved = registry.languageModel('compatible/scripted')
  if (resolved.kind !== 'remote') fail(`compatible/scripted resolved offline: ${resolved.reason}`)
  const classifier = createClassifier({ kind: 'llm', model: resolved.model, modelName: resolved.name })
  const comment = (id: string, body: string): ReviewComment => ({
    id,
    kind: 'review_thread',
    prNumber: 1,
    url: `https://github.com/octo/hello/pull/1#${id}`,
    author: 'reviewer',
    authorAssociation: 'MEMBER',
    body,
    createdAt: '2025-01-02T00:00:00Z',
    path: 'src/db.ts',
    line: 3,
    replies: [],
  })
  const classified = await classifier.classify([
    comment('c1', 'This lookup crashes when the row is missing; check for null first.'),
    comment('c2', 'The query runs inside the loop, so it is quadratic.'),
  ])
  if (classified.stats.classified !== 2) fail(`classifier: ${JSON.stringify(classified.stats)}`)
  const classifierSystem = system(server.requests[0]?.body as ChatBody)
  if (!classifierSystem.startsWith(classifierPrompt))
    fail(`classifier sent another system prompt: ${classifierSystem.slice(0, 80)}`)

  // 2. The agent of the installed @gitlore/synthesizer, through @gitlore/pipeline, with its shipped prompts.
  const before = server.requests.length
  const run = await analyzeRepository({
    dir: repository,
    since: 'all',
    gitOnly: true,
    dryRun: true,
    cache: false,
    formats: ['json'],
    env: {},
    config: {
      models: { synthesizer: 'compatible/scripted' },
      providers: { compatible: { base_url: server.url } },
    },
  })
  if (run.degraded || run.agent === undefined) fail(`analyzeRepository: ${JSON.stringify(run.stages)}`)
  const librarySystem = system(server.requests[before]?.body as ChatBody)
  if (!librarySystem.startsWith(synthesisPrompt))
    fail(`the agent sent another system prompt: ${librarySystem.slice(0, 80)}`)
  const asked = server.requests.length

  // 3. The installed binary, with a compatible/ synthesizer from gitlore.toml; where that server is
  // decides where keys go, so it comes from the user's side (the environment), not the repository.
  await writeFile(
    join(repository, 'gitlore.toml'),
    '[models]\nclassifier = "compatible/scripted"\nsynthesizer = "compatible/scripted"\n',
  )
  const cli = await promisify(execFile)(
    bin,
    ['analyze', '--repo', repository, '--git-only', '--since', 'all', '--format', 'json'],
    {
      // No keys: only compatible/ models.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        GITLORE_PROVIDERS_COMPATIBLE_BASE_URL: server.url,
      },
    },
  ).catch((error: { code: number; stderr: string }) => fail(`gitlore analyze exited ${error.code}: ${error.stderr}`))
  const agentRequests = server.requests.slice(asked)
  if (agentRequests.length < tools.length + 1)
    fail(`gitlore made ${agentRequests.length} model requests:\n${cli.stderr}`)
  const agentSystem = system(agentRequests[0]?.body as ChatBody)
  if (!agentSystem.startsWith(synthesisPrompt))
    fail(`the agent sent another system prompt: ${agentSystem.slice(0, 80)}`)
  const findings = JSON.parse(await readFile(join(repository, 'findings.json'), 'utf8')) as { synthesizer: string }
  if (findings.synthesizer !== 'compatible/scripted') fail(`findings came from ${findings.synthesizer}`)
  console.log(
    `classifier: 2 comments in ${before} request(s); analyzeRepository: ${run.agent.steps} agent steps, ${run.agent.toolCalls} tool calls; gitlore analyze: ${agentRequests.length} requests`,
  )
} finally {
  await server.close()
}
