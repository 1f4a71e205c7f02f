import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { validateContext } from '@gitlore/core'
import { brokenTest, buildCiScenario, flakyTest, startLoopbackGitHub } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { analyzeRepository } from './analyze-repository.js'
import { collectContext } from './collect-context.js'

const token = 'ghp_FAKEpipelineCiToken0123456789GITLORE'

/** The CI scenario's repository and a loopback GitHub serving its Actions history (set as the caller's configuration: a repository's gitlore.toml may not choose URLs). */
async function scenarioWithGitHub() {
  const scenario = await buildCiScenario()
  const github = await startLoopbackGitHub(scenario.world, token)
  const config = { github: { repo: 'octo/scenario', api_url: github.url } }
  return { scenario, github, config }
}

describe('the CI stage of a run (loopback GitHub with Actions history)', () => {
  it('puts CI statistics in context.json, syncs again with one Actions request, and reads the cache offline', async () => {
    const { scenario, github, config } = await scenarioWithGitHub()
    try {
      const env = { PATH: process.env.PATH, GITHUB_TOKEN: token }
      const window = { since: scenario.since, until: scenario.until }
      const collected = await collectContext({ dir: scenario.dir, ...window, env, config })
      expect(collected.stages.filter((stage) => stage.status !== 'ok')).toEqual([])
      const written = JSON.parse(await readFile(collected.contextPath as string, 'utf8'))
      expect(() => validateContext(written)).not.toThrow()
      expect(written.ci.runs).toBe(41)
      expect(written.ci.tests.find((test: { test: string }) => test.test === flakyTest)).toMatchObject({ flaky: true })
      expect(written.ci.redCommits.map((red: { sha: string }) => red.sha)).toContain(scenario.redSha)
      expect(collected.ci?.runs).toHaveLength(41)
      expect(written.sources.ci).toEqual({ status: 'ok', reason: null })

      const before = github.actions.requests.length
      await collectContext({ dir: scenario.dir, ...window, env, config })
      const actionsRequests = github.actions.requests
        .slice(before)
        .filter((request) => request.host === 'api' && request.path.includes('/actions/'))
      expect(actionsRequests).toHaveLength(1)

      const offline = await collectContext({
        dir: scenario.dir,
        ...window,
        env: { PATH: process.env.PATH },
        offline: true,
        config,
      })
      expect(offline.context.ci).toEqual(collected.context.ci)
      expect(offline.context.sources?.ci).toEqual({ status: 'ok', reason: null })
      // The token is nowhere in what the run wrote.
      expect(await readFile(join(scenario.dir, '.gitlore', 'cache.db'))).not.toContain(token)
    } finally {
      await github.close()
    }
  })

  it('records in sources.ci why CI history is missing: no Actions API is not a problem, a refusal is', async () => {
    const { scenario, github, config } = await scenarioWithGitHub()
    try {
      const window = { since: scenario.since, until: scenario.until }
      const env = { PATH: process.env.PATH, GITHUB_TOKEN: token }
      const actionsAnswer = (reply: { status: number; body: unknown }) => {
        github.actions.intercept = (request, next) => (request.path.includes('/actions/') ? reply : next())
      }

      // Logs refused: the runs are read, their failing tests are not, and the next run asks again.
      github.actions.intercept = (request, next) =>
        request.path.endsWith('/logs') ? { status: 403, body: { message: 'Must have admin rights' } } : next()
      const partial = await collectContext({ dir: scenario.dir, ...window, env, config, writeContext: false })
      expect(partial.context.ci?.runs).toBe(41)
      expect(partial.context.sources?.ci).toEqual({
        status: 'partial',
        reason: expect.stringMatching(/^\d+ runs' logs could not be read \(fetched again next run\)$/),
      })

      actionsAnswer({ status: 404, body: { message: 'Not Found' } })
      const disabled = await collectContext({ dir: scenario.dir, ...window, env, config, writeContext: false })
      expect(disabled.context.ci).toBeUndefined()
      expect(disabled.context.sources?.ci).toEqual({
        status: 'not-applicable',
        reason: 'no GitHub Actions history for octo/scenario (404)',
      })
      expect(disabled.stages.filter((stage) => stage.status !== 'ok')).toEqual([])

      actionsAnswer({ status: 403, body: { message: 'Resource not accessible by integration' } })
      const refused = await collectContext({ dir: scenario.dir, ...window, env, config, writeContext: false })
      expect(refused.context.ci).toBeUndefined()
      expect(refused.context.sources?.ci).toMatchObject({
        status: 'unavailable',
        reason: expect.stringContaining('continuing without CI history'),
      })
      expect(refused.stages).toContainEqual(expect.objectContaining({ stage: 'ci', status: 'degraded' }))
      // Review data was read all the same.
      expect(refused.context.sources?.reviews).toEqual({ status: 'ok', reason: null })

      const noToken = await collectContext({
        dir: scenario.dir,
        ...window,
        env: { PATH: process.env.PATH, HOME: scenario.dir },
        config,
        writeContext: false,
      })
      expect(noToken.context.sources?.ci).toMatchObject({
        status: 'unavailable',
        reason: expect.stringContaining('token'),
      })

      const nothingStored = await collectContext({
        dir: scenario.dir,
        ...window,
        env: { PATH: process.env.PATH },
        offline: true,
        config,
        cache: false,
        writeContext: false,
      })
      expect(nothingStored.context.sources?.ci).toEqual({
        status: 'not-applicable',
        reason: '--offline, and no earlier sync stored CI history to read',
      })
    } finally {
      await github.close()
    }
  })

  it('shows CI evidence in the findings of an offline-synthesized run', async () => {
    const { scenario, github, config } = await scenarioWithGitHub()
    try {
      const result = await analyzeRepository({
        dir: scenario.dir,
        config,
        since: scenario.since,
        until: scenario.until,
        env: { PATH: process.env.PATH, GITHUB_TOKEN: token },
        formats: ['json'],
        dryRun: true,
      })
      const ciFindings = result.run.findings.filter((finding) => finding.evidence.some((item) => item.source === 'ci'))
      const titles = ciFindings.map((finding) => finding.title)
      expect(titles).toContain('test_ops.py fails intermittently: 7 of 41 runs; re-running passed 5 of 6')
      expect(titles.some((title) => title.includes('repairs a red main'))).toBe(true)
      expect(titles.some((title) => title.includes('test_parser'))).toBe(false)
      expect(brokenTest).toContain('test_parser.py')
    } finally {
      await github.close()
    }
  })
})
