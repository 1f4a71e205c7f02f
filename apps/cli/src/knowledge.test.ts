import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildHistoryFixture, type GitHubServer, git, reviewWorld, startGitHubServer } from '@gitlore/fixtures'
import { startLoopbackModelServer } from '@gitlore/llm/test'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureTerminal, writeUserConfig } from './capture-terminal.test-helper.js'
import { main } from './main.js'

const run = promisify(execFile)
const token = 'ghp_FAKEtokenForTheKnowledgeTest012345'
const bin = join(import.meta.dirname, '..', 'bundle', 'bin.js')

interface Provenance {
  readonly kind: 'pr' | 'commit' | 'path' | 'finding'
  readonly ref: string
}
interface Item {
  readonly text: string
  readonly quote?: string
  readonly provenance: readonly Provenance[]
  readonly lastSeen: string | null
}
type Brief = Record<'reviews' | 'risks' | 'changeTogether' | 'people' | 'conventions' | 'findings', Item[]> & {
  readonly index: { readonly stale: boolean | null; readonly hint?: string }
}

let github: GitHubServer
let dir: string
let userConfigHome: string
let context: {
  coupling: { a: string; b: string; shared: number; degree: number }[]
  fixAfter: { path: string; fixes: number; examples: { fix: string; before: string }[] }[]
  ownership: { path: string; commits: number; mainAuthor: string; mainAuthorShare: number }[]
  people: { identity: string; name: string }[]
}

async function cli(args: readonly string[]) {
  const terminal = captureTerminal(dir)
  const env = { ...terminal.env, XDG_CONFIG_HOME: userConfigHome, GITHUB_TOKEN: token }
  const code = await main(args, { ...terminal, env })
  return { code, ...terminal.output }
}

beforeAll(async () => {
  github = await startGitHubServer({ repositories: [reviewWorld()], token })
  ;({ dir } = await buildHistoryFixture())
  const terminal = captureTerminal(dir)
  userConfigHome = terminal.env.XDG_CONFIG_HOME as string
  writeUserConfig(terminal, `[github]\nrepo = "octo/hello"\napi_url = "${github.url}"\n`)
  const analyzed = await cli(['analyze', '--since', '2024-01-01', '--until', '2025-04-01', '--format', 'report'])
  expect(analyzed.stderr).toMatch(/knowledge index: \d+ files, \d+ review comments, \d+ findings/)
  context = JSON.parse(await readFile(join(dir, '.gitlore', 'context.json'), 'utf8'))
})
afterAll(() => github.close())

/** Every reference resolves: commits exist, paths are in the history, PRs are the repository's, findings are stored. */
async function expectResolvable(items: readonly Item[], findingIds: ReadonlySet<string>) {
  const { stdout } = await run('git', ['-C', dir, 'log', '--all', '--format=', '--name-only'])
  const paths = new Set(stdout.split('\n').filter((line) => line !== ''))
  const pullRequests = new Set(reviewWorld().pullRequests.map((pr) => pr.number))
  for (const item of items) {
    expect(item.provenance.length, item.text).toBeGreaterThan(0)
    for (const { kind, ref } of item.provenance) {
      if (kind === 'commit') await run('git', ['-C', dir, 'cat-file', '-e', `${ref}^{commit}`])
      else if (kind === 'path') {
        const known = ref.endsWith('/') ? [...paths].some((path) => path.startsWith(ref)) : paths.has(ref)
        expect(known || ref === 'src/retry.ts' || ref === 'src/auth/session.ts', `${ref} in ${item.text}`).toBe(true)
      } else if (kind === 'pr') {
        const number = Number(/\/octo\/hello\/pull\/(\d+)/.exec(ref)?.[1])
        expect(pullRequests.has(number), ref).toBe(true)
      } else expect(findingIds.has(ref), ref).toBe(true)
    }
  }
}

describe('gitlore advise, related and guidance', () => {
  it('briefs on a file with numbers that equal the context, every item resolvable', async () => {
    const { code, stdout } = await cli(['advise', '--files', 'src/db.ts', '--json', '--limit', '20'])
    expect(code).toBe(0)
    const brief = JSON.parse(stdout) as Brief
    const fix = context.fixAfter.find((entry) => entry.path === 'src/db.ts')
    expect(fix).toBeDefined()
    const fixItem = brief.risks.find((item) => item.text.startsWith('src/db.ts: '))
    expect(fixItem?.text).toContain(`${fix?.fixes} fix ${fix?.fixes === 1 ? 'commit' : 'commits'} came within 7 days`)
    expect(fixItem?.provenance.map((provenance) => provenance.ref)).toEqual(
      fix?.examples.slice(0, 2).flatMap((example) => [example.fix, example.before]),
    )
    const owned = context.ownership.find((entry) => entry.path === 'src/db.ts')
    const main = context.people.find((person) => person.identity === owned?.mainAuthor)
    const mainCommits = Math.round((owned?.mainAuthorShare ?? 0) * (owned?.commits ?? 0))
    expect(brief.people.map((item) => item.text)).toContain(
      `${main?.name} <${owned?.mainAuthor}> wrote ${mainCommits} of the ${owned?.commits} commits to src/db.ts and is still active here`,
    )
    const findings = JSON.parse((await cli(['guidance', '--json', '--limit', '20'])).stdout) as { findings: Item[] }
    const findingIds = new Set(
      findings.findings.flatMap((item) => item.provenance.filter((p) => p.kind === 'finding').map((p) => p.ref)),
    )
    const sections = ['reviews', 'risks', 'changeTogether', 'people', 'conventions', 'findings'] as const
    await expectResolvable(
      sections.flatMap((section) => brief[section]),
      findingIds,
    )
  })

  it('leads a brief for a reviewed file with what reviewers said there, linked to the pull request', async () => {
    const { stdout } = await cli(['advise', 'src/retry.ts', '--json'])
    const brief = JSON.parse(stdout) as Brief
    expect(brief.reviews.length).toBeGreaterThan(0)
    expect(brief.reviews[0]?.provenance[0]?.ref).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/octo\/hello\/pull\/\d+|github\.com\/octo\/hello\/pull\//,
    )
    expect(brief.reviews.every((item) => item.quote === undefined || item.quote.length <= 220)).toBe(true)
    const text = (await cli(['advise', 'src/retry.ts'])).stdout
    expect(text).toMatch(/^Before touching src\/retry\.ts\n/)
    expect(text).toContain('What reviewers ask for here')
  })

  it('relates files exactly as the context couples them', async () => {
    const { stdout } = await cli(['related', 'src/db.ts', '--json'])
    const related = JSON.parse(stdout) as {
      related: { path: string; relation: string; strength: number; degree: number }[]
    }
    const expected = context.coupling
      .filter((pair) => pair.a === 'src/db.ts' || pair.b === 'src/db.ts')
      .map((pair) => ({ path: pair.a === 'src/db.ts' ? pair.b : pair.a, shared: pair.shared, degree: pair.degree }))
    expect(expected.length).toBeGreaterThan(0)
    expect(
      related.related
        .filter((item) => item.relation === 'coupling')
        .map((item) => ({ path: item.path, shared: item.strength, degree: item.degree })),
    ).toEqual(expected)
  })

  it('adds a cached synthesis for the task from the configured model, and keeps the brief when there is none', async () => {
    const models = await startLoopbackModelServer()
    try {
      models.onChat(() => ({ kind: 'message', text: 'Add the null check reviewers ask for [src/db.ts] first.' }))
      const terminal = captureTerminal(dir)
      writeUserConfig(
        { ...terminal, env: { ...terminal.env, XDG_CONFIG_HOME: userConfigHome } },
        `[github]\nrepo = "octo/hello"\napi_url = "${github.url}"\n\n[models]\nsynthesizer = "compatible/scripted"\n\n[providers.compatible]\nbase_url = "${models.url}"\n`,
      )
      const args = ['advise', '--files', 'src/db.ts', '--task', 'cache the rows', '--synthesize']
      const first = await cli(args)
      expect(first.code).toBe(0)
      expect(first.stdout).toContain('For this task (written by compatible/scripted; check it against the items above)')
      expect(first.stdout).toContain('Add the null check reviewers ask for [src/db.ts] first.')
      expect(models.requests).toHaveLength(1)
      const sent = JSON.stringify(models.requests[0]?.body)
      expect(sent).toContain('Task: cache the rows')
      expect(sent).toContain('came within 7 days of another change')
      const again = await cli([...args, '--json'])
      expect(JSON.parse(again.stdout).synthesis).toEqual({
        model: 'compatible/scripted',
        text: 'Add the null check reviewers ask for [src/db.ts] first.',
        cached: true,
      })
      expect(models.requests).toHaveLength(1)
      expect((await cli(['advise', '--files', 'src/db.ts', '--synthesize'])).code).toBe(2)
    } finally {
      await models.close()
      const terminal = captureTerminal(dir)
      writeUserConfig(
        { ...terminal, env: { ...terminal.env, XDG_CONFIG_HOME: userConfigHome } },
        `[github]\nrepo = "octo/hello"\napi_url = "${github.url}"\n`,
      )
    }
    // The default synthesizer has no key here: the brief stands, one warning line, exit 3.
    const without = await cli(['advise', '--files', 'src/db.ts', '--task', 'cache the rows', '--synthesize'])
    expect(without.code).toBe(3)
    expect(without.stdout).toMatch(/^Before touching src\/db\.ts/)
    expect(without.stderr).toMatch(
      /^warning: no synthesis: synthesizer openrouter\/\S+: no OPENROUTER_API_KEY in .+; set \[models\] synthesizer and its key, or leave out --synthesize\n$/,
    )
  })

  it('refuses paths outside the repository and says what to do without an index, in one line', async () => {
    const outside = await cli(['advise', '--files', '../../etc/passwd'])
    expect(outside.code).toBe(2)
    expect(outside.stderr.trim().split('\n')).toHaveLength(1)
    expect(outside.stderr).toContain('leaves the repository')
    const fresh = await buildHistoryFixture()
    const terminal = captureTerminal(fresh.dir)
    const code = await main(['advise', '--repo', fresh.dir, '--files', 'src/db.ts'], terminal)
    expect(code).toBe(2)
    expect(terminal.output.stderr).toBe(
      `gitlore: no knowledge index for ${fresh.dir} yet: run gitlore analyze (add --offline to ask no network service), then ask again\n`,
    )
    const missing = await cli(['advise'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('gitlore: advise needs the files you are about to change')
    const noPath = await cli(['related'])
    expect(noPath.code).toBe(2)
    expect(noPath.stderr).toBe('gitlore: related needs a path: gitlore related src/a.ts\n')
  })
})

describe('gitlore mcp', () => {
  it('serves the five tools over stdio to the SDK client, with briefs equal to the context and staleness', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [bin, 'mcp', '--repo', dir],
      env: { PATH: process.env.PATH ?? '', XDG_CONFIG_HOME: userConfigHome },
      stderr: 'pipe',
    })
    const client = new Client({ name: 'gitlore-test', version: '1.0.0' })
    await client.connect(transport)
    try {
      const { tools } = await client.listTools()
      expect(tools.map((tool) => tool.name).sort()).toEqual([
        'get_findings',
        'get_planning_brief',
        'get_related_files',
        'get_repo_guidance',
        'search_review_comments',
      ])
      expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true)

      const call = async (name: string, args: Record<string, unknown>) => {
        const result = (await client.callTool({ name, arguments: args })) as {
          isError?: boolean
          content: { type: string; text: string }[]
        }
        return { isError: result.isError === true, text: result.content[0]?.text ?? '' }
      }
      const brief = JSON.parse((await call('get_planning_brief', { files: ['src/db.ts'], limit: 20 })).text) as Brief
      const fix = context.fixAfter.find((entry) => entry.path === 'src/db.ts')
      expect(brief.risks.some((item) => item.text.startsWith(`src/db.ts: ${fix?.fixes} fix`))).toBe(true)
      expect(brief.index.stale).toBe(false)

      const related = JSON.parse((await call('get_related_files', { path: 'src/db.ts' })).text) as {
        related: { path: string; strength: number; degree: number | null }[]
      }
      for (const pair of context.coupling.filter((entry) => entry.a === 'src/db.ts' || entry.b === 'src/db.ts')) {
        const partner = pair.a === 'src/db.ts' ? pair.b : pair.a
        expect(related.related).toContainEqual(
          expect.objectContaining({ path: partner, strength: pair.shared, degree: pair.degree }),
        )
      }
      const search = JSON.parse((await call('search_review_comments', { query: 'retry' })).text) as {
        comments: unknown[]
      }
      expect(search.comments.length).toBeGreaterThan(0)
      const findings = JSON.parse((await call('get_findings', { severity: 'high' })).text) as {
        findings: { severity: string }[]
      }
      expect(findings.findings.every((finding) => finding.severity === 'high')).toBe(true)

      const refused = await call('get_planning_brief', { files: ['/etc/passwd'] })
      expect(refused.isError).toBe(true)
      expect(refused.text).toContain('outside the repository')
      const badInput = await call('get_related_files', { path: 42 })
      expect(badInput.isError).toBe(true)

      // A new commit moves HEAD: answers say the index is stale and how to refresh it.
      await writeFile(join(dir, 'NEW.md'), 'new\n')
      await git(dir, ['add', 'NEW.md'])
      await git(dir, ['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'Add NEW.md'])
      await new Promise((resolve) => setTimeout(resolve, 2100))
      const stale = JSON.parse((await call('get_repo_guidance', {})).text) as Brief
      expect(stale.index.stale).toBe(true)
      expect(stale.index.hint).toContain('run gitlore analyze to refresh it')
    } finally {
      await client.close()
    }
  })
})
