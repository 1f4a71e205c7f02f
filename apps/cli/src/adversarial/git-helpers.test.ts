import { buildHostileRepository, git, markersFired } from '@gitlore/fixtures'
import { type ChatReply, type LoopbackModelServer, startLoopbackModelServer } from '@gitlore/llm/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeArgs, makeUser, runCli } from './run-built-cli.test-helper.js'

let models: LoopbackModelServer

beforeAll(async () => {
  models = await startLoopbackModelServer()
})
afterAll(() => models.close())

const call = (name: string, args: Record<string, unknown>): ChatReply => ({
  kind: 'message',
  toolCalls: [{ name, arguments: args }],
})

describe('a hostile .git/config, .gitattributes and hooks (built CLI)', () => {
  it('run none of their helpers: history with both backends, the offline run, and the agent with every tool', async () => {
    const repository = await buildHostileRepository({ bulk: true })
    const sha = (await git(repository.dir, ['rev-parse', 'HEAD~3'])).trim()
    const steps = [
      call('list_tree', { depth: 2 }),
      call('read_file', { path: 'data.txt' }),
      call('read_file', { path: 'notes.txt' }),
      call('grep', { pattern: 'SECRET', fixedStrings: true }),
      call('file_history', { path: 'src/app.ts' }),
      call('search_commits', { query: 'harmless' }),
      call('show_commit', { commit: sha }),
      call('blame', { path: 'data.txt', startLine: 1, endLine: 1 }),
    ]
    models.onChat((request) => {
      const { messages } = request.body as { messages: { role: string }[] }
      const next = steps[messages.filter((message) => message.role === 'tool').length]
      return next ?? { kind: 'message', text: '<findings></findings>' }
    })
    const user = await makeUser(
      `[providers.compatible]\nbase_url = "${models.url}"\n\n[models]\nsynthesizer = "compatible/scripted"\n`,
    )
    const runs = [
      await runCli(user, ['context', '--repo', repository.dir, '--since', 'all', '--git-only', '--git-backend', 'cli']),
      await runCli(user, [
        'context',
        '--repo',
        repository.dir,
        '--since',
        'all',
        '--git-only',
        '--git-backend',
        'isomorphic',
      ]),
      await runCli(user, analyzeArgs(repository.dir, 'report,claude_md')),
      await runCli(user, [...analyzeArgs(repository.dir, 'report', { offline: false }), '--git-only', '--verbose']),
    ]
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, expect.any(Number)])
    expect(runs[3]?.stderr).toMatch(/blame data\.txt/)
    // What the model was told never holds the secret the tracked link points at.
    expect(JSON.stringify(models.requests)).not.toContain(repository.secret)
    expect(await markersFired(repository)).toEqual([])
  })
})
