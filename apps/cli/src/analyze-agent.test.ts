import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildHistoryFixture, type HistoryFixture } from '@gitlore/fixtures'
import { type ChatReply, type LoopbackModelServer, startLoopbackModelServer } from '@gitlore/llm/test'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { captureTerminal, writeUserConfig } from './capture-terminal.test-helper.js'
import { main } from './main.js'

let fixture: HistoryFixture
let server: LoopbackModelServer

beforeAll(async () => {
  fixture = await buildHistoryFixture()
  server = await startLoopbackModelServer()
})
afterAll(() => server.close())
beforeEach(() => server.reset())

async function analyze(dir: string, extra: readonly string[] = []) {
  const terminal = captureTerminal(dir)
  await writeFile(join(dir, 'gitlore.toml'), '[models]\nsynthesizer = "compatible/scripted"\n')
  writeUserConfig(terminal, `[providers.compatible]\nbase_url = "${server.url}"\n`)
  const code = await main(
    ['analyze', '--repo', dir, '--git-only', '--since', 'all', '--format', 'report,json', ...extra],
    terminal,
  )
  return { code, ...terminal.output }
}

const call = (name: string, args: Record<string, unknown>): ChatReply => ({
  kind: 'message',
  toolCalls: [{ name, arguments: args }],
})

describe('gitlore analyze with a compatible/ synthesizer', () => {
  it('runs the agent, shows each tool call as it happens, and writes only findings whose citations resolve', async () => {
    const steps = [
      call('list_tree', { depth: 2 }),
      call('read_file', { path: 'src/db.ts', startLine: 1, endLine: 40 }),
      call('file_history', { path: 'src/db.ts' }),
      call('search_commits', { query: 'revert' }),
      call('show_commit', { commit: fixture.shas.revertCache }),
      call('blame', { path: 'src/app.ts', startLine: 1, endLine: 3 }),
    ]
    server.onChat((request) => {
      const { messages } = request.body as { messages: { role: string }[] }
      const toolSteps = messages.filter((message) => message.role === 'tool').length
      const next = steps[toolSteps]
      if (next !== undefined) return next
      return {
        kind: 'message',
        text: `<findings>
  <finding category="fragile_area" severity="high">
    <title>The query cache in src/db.ts was reverted</title>
    <insight>Caching db lookups broke them once; change src/db.ts with its callers in src/app.ts.</insight>
    <evidence source="git" ref="${fixture.shas.revertCache}">Revert of the query cache.</evidence>
    <evidence source="code" ref="src/db.ts:1">The lookup code.</evidence>
    <evidence source="git" ref="0123456789abcdef0123456789abcdef01234567">A commit that does not exist.</evidence>
    <file>src/db.ts</file>
  </finding>
</findings>`,
      }
    })
    const result = await analyze(fixture.dir)
    expect(result.stderr).toContain('investigating with compatible/scripted')
    expect(result.stderr).toMatch(/read_file src\/db\.ts:1-40 -> [\d,]+ chars/)
    expect(result.stderr).toContain('1 citations and 0 findings dropped')
    expect(result.stderr).toMatch(/compatible\/scripted: \d+ requests, [\d,]+ input and [\d,]+ output tokens/)
    expect(result.stderr).toMatch(/agent: 7 steps, 6 tool calls/)
    expect(result.code).toBe(0)
    const findings = JSON.parse(await readFile(join(fixture.dir, 'findings.json'), 'utf8'))
    expect(findings.findings).toHaveLength(1)
    const refs = findings.findings[0].evidence.map((item: { ref?: string }) => item.ref)
    expect(refs).toContain(fixture.shas.revertCache)
    expect(refs).not.toContain('0123456789abcdef0123456789abcdef01234567')
    expect(await readFile(join(fixture.dir, 'gitlore-report.md'), 'utf8')).toContain(
      'The query cache in src/db.ts was reverted',
    )
  })

  it('falls back to offline findings when the model server fails, says so, keeps the good report and exits 3', async () => {
    const good = await readFile(join(fixture.dir, 'findings.json'), 'utf8')
    server.onChat(() => ({ kind: 'status', status: 500, message: 'upstream down' }))
    const result = await analyze(fixture.dir)
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('the agent failed')
    // The agent's findings of the run before stay; this run's offline ones are written beside them.
    expect(await readFile(join(fixture.dir, 'findings.json'), 'utf8')).toBe(good)
    const aside = /this run's are in (\S+)/.exec(result.stderr)?.[1]
    expect(aside).toContain(join(fixture.dir, '.gitlore', 'runs'))
    const findings = JSON.parse(await readFile(join(aside!, 'findings.json'), 'utf8'))
    expect(findings.synthesizer).toBe('offline')
    expect(findings.degradedStages.map((stage: { stage: string }) => stage.stage)).toContain('synthesis')
  })

  it('--offline never calls the model', async () => {
    const result = await analyze(fixture.dir, ['--offline'])
    expect(result.code).toBe(0)
    expect(server.requests).toHaveLength(0)
  })
})
