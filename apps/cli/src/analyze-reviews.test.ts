import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildHistoryFixture, type GitHubServer, reviewWorld, startGitHubServer } from '@gitlore/fixtures'
import { startLoopbackModelServer } from '@gitlore/llm/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureTerminal, writeUserConfig } from './capture-terminal.test-helper.js'
import { main } from './main.js'

const token = 'ghp_FAKEtokenForTheCliTest0123456789'
let github: GitHubServer
let userConfig = ''

beforeAll(async () => {
  github = await startGitHubServer({ repositories: [reviewWorld()], token })
})
afterAll(() => github.close())

async function analyze(dir: string, args: readonly string[], env: Record<string, string> = { GITHUB_TOKEN: token }) {
  const terminal = captureTerminal(dir)
  // Where GitHub is and where models are decide where tokens go: the user's own configuration says it.
  writeUserConfig(terminal, userConfig)
  const withEnv = { ...terminal, env: { ...terminal.env, ...env } }
  const code = await main(['analyze', '--repo', dir, '--since', '2024-01-01', ...args], withEnv)
  return { code, ...terminal.output }
}

describe('gitlore analyze with GitHub reviews (loopback GitHub)', () => {
  it('syncs the reviews, classifies and clusters them offline, leads with them, and re-syncs with one request', async () => {
    const { dir } = await buildHistoryFixture()
    userConfig = `[github]\nrepo = "octo/hello"\napi_url = "${github.url}"\n`
    github.requests.length = 0
    const first = await analyze(dir, ['--format', 'report,json'], {
      GITHUB_TOKEN: token,
      // No model keys: the LLM stages fall back to offline, which the run reports (exit 3).
    })
    expect(first.stderr).toMatch(/reviews: \d+ PRs, \d+ comments kept, \d+ bot and \d+ trivial left out/)
    expect(first.stderr).toMatch(/classified \d+ of \d+ comments with offline/)
    expect(first.stderr).toMatch(/found \d+ review themes/)
    expect(first.code).toBe(3)
    const report = await readFile(join(dir, 'gitlore-report.md'), 'utf8')
    expect(report).toMatch(/pull requests/i)
    // Reviews lead: themes with quotes linking to the pull request, then review load, then findings.
    const themes = report.indexOf('## What reviewers keep asking for')
    expect(themes).toBeGreaterThan(-1)
    expect(themes).toBeLessThan(report.indexOf('## Review load'))
    expect(report.indexOf('## Review load')).toBeLessThan(report.indexOf('## Findings'))
    expect(report).toMatch(/^### 1\. .+$/m)
    expect(report).toMatch(/^ {2}- “.+” \(\S+ in #\d+.*\) <https:\/\/github\.com\/octo\/hello\/pull\/\d+/m)
    expect(report).toContain('on GitHub octo/hello')
    const document = JSON.parse(await readFile(join(dir, 'findings.json'), 'utf8'))
    expect(Object.keys(document).indexOf('reviews')).toBeLessThan(Object.keys(document).indexOf('findings'))
    expect(document.reviews.themes.length).toBeGreaterThan(0)
    expect(document.reviews.themes[0].quotes.length).toBeGreaterThan(0)
    expect(document.reviews.areas.length).toBeGreaterThan(0)
    const { findings } = document
    expect(findings[0].evidence.some((item: { source: string }) => item.source === 'review')).toBe(true)
    const firstRequests = github.requests.length
    expect(firstRequests).toBeGreaterThan(0)

    const context = JSON.parse(await readFile(join(dir, '.gitlore', 'context.json'), 'utf8'))
    expect(context.reviews.pullRequests).toBeGreaterThan(0)

    github.requests.length = 0
    const second = await analyze(dir, ['--format', 'report'])
    expect(second.stderr).toContain('incremental sync')
    // One GraphQL request for the reviews (this loopback GitHub has no Actions API: the CI stage gets 404s).
    expect(github.requests.filter((request) => request.path === '/graphql')).toHaveLength(1)

    // The token is in no output, no log line, no cache row.
    for (const text of [first.stdout, first.stderr, second.stdout, second.stderr]) expect(text).not.toContain(token)
    for (const name of await readdir(join(dir, '.gitlore'))) {
      expect((await readFile(join(dir, '.gitlore', name))).includes(token)).toBe(false)
    }
    for (const name of ['gitlore-report.md', 'findings.json']) {
      expect(await readFile(join(dir, name), 'utf8')).not.toContain(token)
    }
  })

  it('a compatible/ classifier classifies every comment over HTTP, reports exactly which failed, and is not asked twice', async () => {
    const { dir } = await buildHistoryFixture()
    const models = await startLoopbackModelServer()
    try {
      // The scripted model answers every comment of a batch, except a few conversation notes (those numbered ...7).
      models.onChat((request) => {
        const { messages } = request.body as { messages: { role: string; content: unknown }[] }
        const prompt = messages
          .map((message) => (typeof message.content === 'string' ? message.content : ''))
          .join('\n')
        const answered = [...prompt.matchAll(/<comment id="([^"]+)"[^>]*>\n([\s\S]*?)\n<\/comment>/g)]
          .filter((match) => !/note \d*7 about the rollout/.test(match[2] as string))
          .map((match) => `<c id="${match[1]}" categories="bug" confidence="0.9"/>`)
        return { kind: 'message', text: `<classifications>\n${answered.join('\n')}\n</classifications>` }
      })
      userConfig = `[github]\nrepo = "octo/hello"\napi_url = "${github.url}"\n\n[providers.compatible]\nbase_url = "${models.url}"\n`
      await writeFile(join(dir, 'gitlore.toml'), '[models]\nclassifier = "compatible/scripted"\n')
      const first = await analyze(dir, ['--format', 'json'])
      const summary =
        /classified (\d+) of (\d+) comments with compatible\/scripted \(0 cached, (\d+) requests, (\d+) failed\)/.exec(
          first.stderr,
        )
      expect(summary).not.toBeNull()
      const [, classified, total, requests, failed] = summary!.map(Number) as number[]
      expect(classified! + failed!).toBe(total)
      expect(failed).toBeGreaterThan(0)
      expect(requests).toBeLessThan(total! / 5)
      const notClassified = first.stderr.split('\n').filter((line) => line.includes('not classified:'))
      expect(notClassified.length).toBe(Math.min(failed!, 10))
      expect(notClassified[0]).toMatch(/https:\/\/github\.com\/octo\/hello\/pull\/\d+/)

      const labelRequests = () =>
        models.requests.filter((request) => JSON.stringify(request.body).includes('Name the concern')).length
      const labelled = labelRequests()
      expect(labelled).toBeGreaterThan(0)
      // The scripted model answers every prompt with classification XML: no such answer becomes a theme label.
      expect(first.stderr).toMatch(/theme labels: \d+ model labels failed the checks \(markup \d+\)/)
      const report = JSON.parse(await readFile(join(dir, 'findings.json'), 'utf8'))
      for (const theme of report.reviews.themes) expect(theme.label).not.toMatch(/[<>]/)
      const asked = models.requests.length
      const second = await analyze(dir, ['--format', 'json'])
      expect(second.stderr).toContain(`(${classified} cached,`)
      // Only the comments that failed are asked again; every valid answer and every label came from the cache.
      expect(models.requests.length - asked).toBeLessThan(requests!)
      expect(labelRequests()).toBe(labelled)
    } finally {
      await models.close()
    }
  })

  it('offline runs reuse the synced reviews without asking GitHub', async () => {
    const { dir } = await buildHistoryFixture()
    userConfig = `[github]\nrepo = "octo/hello"\napi_url = "${github.url}"\n`
    await analyze(dir, ['--format', 'report'])
    github.requests.length = 0
    const offline = await analyze(dir, ['--offline', '--format', 'report'], {})
    expect(offline.code).toBe(0)
    expect(github.requests).toHaveLength(0)
    expect(offline.stderr).toContain('from the cache (offline: GitHub not asked)')
  })

  it('a missing token or a wrong token is one actionable line and the run goes on git-only (exit 3)', async () => {
    const { dir } = await buildHistoryFixture()
    userConfig = `[github]\nrepo = "octo/hello"\napi_url = "${github.url}"\n`
    const missing = await analyze(dir, ['--format', 'report'], {})
    expect(missing.code).toBe(3)
    expect(missing.stderr).toMatch(/GITHUB_TOKEN/)
    expect(missing.stderr).toMatch(/--git-only/)
    const wrong = await analyze(dir, ['--format', 'report'], { GITHUB_TOKEN: 'ghp_wrong' })
    expect(wrong.code).toBe(3)
    expect(wrong.stderr).not.toContain('ghp_wrong')
    expect(await readFile(join(dir, 'gitlore-report.md'), 'utf8')).toContain('# gitlore report')
  })
})
