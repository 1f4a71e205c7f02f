import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  badGatewayStorm,
  buildHistoryFixture,
  forbiddenPullRequest,
  type GitHubServer,
  type Intercept,
  reviewWorld,
  startGitHubServer,
} from '@gitlore/fixtures'
import { afterEach, describe, expect, it } from 'vitest'
import { captureTerminal, writeUserConfig } from './capture-terminal.test-helper.js'
import { main } from './main.js'

// GitHub failing part of a sync, as a user meets it: what could not be fetched is named, the rest of
// the report is whole, and the exit code says whether the run is degraded.

const token = 'ghp_FAKEtokenForTheGitHubFaultTest012345'
const servers: GitHubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function analyze(intercept?: Intercept) {
  const github = await startGitHubServer({
    repositories: [reviewWorld()],
    token,
    ...(intercept === undefined ? {} : { intercept }),
  })
  servers.push(github)
  const { dir } = await buildHistoryFixture()
  const terminal = captureTerminal(dir)
  writeUserConfig(
    terminal,
    `[github]\nrepo = "octo/hello"\napi_url = "${github.url}"\n[models]\nclassifier = "offline"\nembedding = "offline"\nsynthesizer = "offline"\n`,
  )
  const started = Date.now()
  const code = await main(['analyze', '--repo', dir, '--since', '2024-01-01', '--format', 'report,json'], {
    ...terminal,
    env: { ...terminal.env, GITHUB_TOKEN: token },
  })
  const report = await readFile(join(dir, 'gitlore-report.md'), 'utf8')
  const context = JSON.parse(await readFile(join(dir, '.gitlore', 'context.json'), 'utf8'))
  return { code, report, context, github, seconds: (Date.now() - started) / 1000, ...terminal.output }
}

describe('gitlore analyze when GitHub fails part of a sync', () => {
  it('a pull request GitHub keeps refusing is named on the terminal, in the report and in context.json', async () => {
    const run = await analyze(forbiddenPullRequest(2))
    expect(run.stderr).toContain(
      'warning: GitHub #2 is incomplete: Resource not accessible by integration (FORBIDDEN); asked for again next run',
    )
    // One pull request of six is more than a small share: a degraded run.
    expect(run.code).toBe(3)
    expect(run.report).toMatch(/reviews: 1 of 6 pull requests incomplete \(#2\); asked for again next run/)
    expect(run.context.sources.reviews).toEqual({
      status: 'partial',
      reason: '1 of 6 pull requests incomplete (#2); asked for again next run',
    })
  })

  it('a pull request that fails once is fetched again within the run: nothing missing, exit 0', async () => {
    const run = await analyze(forbiddenPullRequest(2, { times: 1 }))
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/1 PRs completed by asking again/)
    expect(run.stderr).not.toContain('warning:')
    expect(run.context.sources.reviews).toEqual({ status: 'ok', reason: null })
  })

  it('a storm of 502s: the user sees the pages shrink, and nothing is lost', async () => {
    const run = await analyze(badGatewayStorm(3))
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(
      /GitHub did not answer a page in time \(Server Error\): asking for 50 PRs a page, 15 threads/,
    )
    expect(run.report).toContain('Reviews analysed: 6 pull requests')
    expect(run.seconds).toBeLessThan(30)
  })
})
