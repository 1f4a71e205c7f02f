import type { CiRun, CiStats, Commit } from '@gitlore/core'
import { brokenTest, type CiScenario, flakyTest, runnerOutput } from '@gitlore/fixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { analyzeCi } from '../analyze-ci.js'
import { loadCiScenario } from '../ci-scenario.test-helper.js'
import { buildTriageBrief } from './build-triage-brief.js'

let scenario: CiScenario
let runs: readonly CiRun[]
let commits: readonly Commit[]
let stats: CiStats

beforeAll(async () => {
  const loaded = await loadCiScenario()
  scenario = loaded.scenario
  runs = loaded.runs
  commits = loaded.history.commits
  stats = analyzeCi(runs, commits)
}, 60_000)

const runOf = (id: number) => runs.find((run) => run.id === id) ?? null
const brief = (run: CiRun | null, extra: Partial<Parameters<typeof buildTriageBrief>[0]> = {}) =>
  buildTriageBrief({
    run,
    runs,
    stats,
    commits,
    head: scenario.shas[39] ?? null,
    repository: 'octo/scenario',
    ...extra,
  })

describe('triage of a failed run', () => {
  it('calls a failure deterministic when it persists across commits and a same-commit re-run, and names the red commit', () => {
    const result = brief(runOf(scenario.deterministicRun.id))
    expect(result.verdict).toBe('deterministic')
    expect(result.evidence.map((entry) => entry.text).join('\n')).toMatch(/failed on all 3 runs since/)
    expect(
      result.evidence.some((entry) => entry.kind === 'same-sha' && /failed on all 2 attempts/.test(entry.text)),
    ).toBe(true)
    expect(result.jobs).toEqual([
      expect.objectContaining({
        name: 'unit',
        step: 'Test',
        tests: [{ test: brokenTest, file: 'test/test_parser.py', runner: 'pytest' }],
      }),
    ])
    expect(result.jobs[0]?.annotations).toEqual([
      { path: 'src/parser.py', line: 12, message: 'IndexError: list index out of range' },
    ])
    expect(result.lastGreen?.sha).toBe(scenario.shas[23])
    expect(result.suspects.map((commit) => commit.sha)).toEqual([scenario.shas[26], scenario.shas[25], scenario.redSha])
    expect(result.suspects.find((commit) => commit.turnedRed)).toMatchObject({
      sha: scenario.redSha,
      author: 'bob@example.com',
      subject: 'Speed up tokenizer',
    })
    expect(result.files.slice(0, 3)).toEqual(['src/parser.py', 'src/util.py', 'test/test_parser.py'])
    expect(result.greenSince?.sha).toBe(scenario.fixSha)
    expect(result.pastFixes).toEqual([
      expect.objectContaining({ subject: 'Fix test_parse_empty on unicode input', author: 'carol@example.com' }),
    ])
    const contacts = result.contacts.map((contact) => contact.identity)
    expect(contacts).toEqual(expect.arrayContaining(['bob@example.com', 'alice@example.com', 'carol@example.com']))
    expect(result.contacts.find((contact) => contact.identity === 'bob@example.com')?.reasons[0]).toMatch(
      /turned main red/,
    )
    expect(result.logExcerpt).toContain(`FAILED ${brokenTest}`)
  })

  it('calls a failure flaky when the test has passed on re-runs of the same commit before', () => {
    const result = brief(runOf(scenario.flakyRun.id))
    expect(result.verdict).toBe('flaky')
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        points: 'flaky',
        kind: 'history',
        text: `${flakyTest} failed in 7 of 41 runs; re-running passed 5 of 6.`,
      }),
    )
    expect(result.suspects.map((commit) => commit.sha)).toEqual([scenario.shas[39]])
    // A flaky failure is not the commit's fault: its author is not singled out for turning main red.
    expect(result.contacts.flatMap((contact) => contact.reasons).some((reason) => /turned main red/.test(reason))).toBe(
      false,
    )
  })

  it('calls a failure flaky at once when a later attempt of the same run passed', () => {
    const rerun = runs.find(
      (run) => run.attempts.length === 2 && run.attempts[1]?.conclusion === 'success' && run.branch === 'main',
    )
    const result = brief(rerun ?? null, { attempt: 1 })
    expect(result.verdict).toBe('flaky')
    expect(result.evidence[0]).toMatchObject({ points: 'flaky', kind: 'same-sha' })
    expect(result.evidence[0]?.text).toMatch(/unit passed on attempt 2 of this run, at the same commit/)
  })

  it('triages a pasted log as a failure at HEAD, finding its tests in the history', () => {
    const result = brief(null, { logText: runnerOutput.pytest([brokenTest]).join('\n') })
    expect(result.url).toBeNull()
    expect(result.workflow).toBe('CI')
    expect(result.jobs[0]?.tests.map((test) => test.test)).toEqual([brokenTest])
    expect(result.verdict).toBe('unknown')
    expect(result.lastGreen?.sha).toBe(scenario.shas[38])
  })
})

describe('who to contact', () => {
  it("never names automation: dependency bots are left out of the files' owners", async () => {
    const { triageContacts } = await import('./triage-contacts.js')
    const bot = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }
    const person = { name: 'Blake', email: 'blake@example.com' }
    const commit = (sha: string, author: typeof bot) => ({
      sha: sha.repeat(40),
      parents: ['0'.repeat(40)],
      author,
      authoredAt: '2026-01-01T00:00:00Z',
      committedAt: '2026-01-01T00:00:00Z',
      subject: 'bump',
      body: '',
      files: [{ path: 'package.json', added: 1, removed: 1, status: 'modified' as const, binary: false }],
    })
    const contacts = triageContacts({
      suspects: [],
      files: ['package.json'],
      fixes: [],
      commits: [commit('a', bot), commit('b', bot), commit('c', bot), commit('d', person)],
      stats: null,
      people: [],
      branch: 'main',
      flaky: false,
    })
    expect(contacts).toEqual([
      { identity: 'blake@example.com', name: 'Blake', reasons: ['wrote 1 of 1 commits to package.json in the window'] },
    ])
  })
})
