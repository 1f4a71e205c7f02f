import { extractGitHistory } from '@gitlore/extractors'
import {
  buildHistoryFixture,
  buildSyntheticRepository,
  buildTeamFixture,
  historyDates,
  teamDates,
} from '@gitlore/fixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { type AnalyzeHistoryOptions, analyzeHistory, defaultAnalyzeHistoryOptions } from './analyze-history.js'
import { commitsFromGit, type TestWindow } from './commits-from-git.test-helper.js'
import { headFilesFromGit, historyShasFromGit } from './head-files.test-helper.js'
import { expectedStats } from './history-oracle.test-helper.js'

type NumericOptions = 'maxChangesetSize' | 'minSharedCommits' | 'fixWindowDays' | 'top' | 'inactiveDays'
type SwitchOptions = 'includeGenerated' | 'includeAutomation' | 'mergeIdentities'

interface OracleCase {
  readonly name: string
  readonly window: TestWindow
  readonly options: { readonly [Key in NumericOptions]?: number } & { readonly [Key in SwitchOptions]?: boolean }
  /** Give the analyzers the tree at HEAD and every reachable sha, as `gitlore context` does. */
  readonly fromHead?: boolean
  readonly identityLogins?: ReadonlyMap<string, string>
}

async function compareWithOracle(dir: string, { window, options, fromHead, identityLogins }: OracleCase) {
  const commits = await commitsFromGit(dir, window)
  const given: AnalyzeHistoryOptions = {
    ...options,
    ...(window.until === undefined ? {} : { until: window.until }),
    ...(identityLogins === undefined ? {} : { identityLogins }),
    ...(fromHead ? { headFiles: await headFilesFromGit(dir), historyShas: await historyShasFromGit(dir) } : {}),
  }
  const actual = analyzeHistory(commits, given)
  const expected = await expectedStats(dir, {
    ...defaultAnalyzeHistoryOptions,
    ...options,
    ...window,
    headFilesRead: fromHead === true,
    historyShasGiven: fromHead === true,
    ...(identityLogins === undefined ? {} : { identityLogins }),
  })
  expect(actual).toEqual(expected)
  return expected
}

const tight = { maxChangesetSize: 5, minSharedCommits: 2, fixWindowDays: 3 }

describe('analyzeHistory matches a naive oracle over git log (history fixture)', () => {
  let dir: string
  beforeAll(async () => {
    dir = (await buildHistoryFixture()).dir
  })

  it.each<OracleCase>([
    { name: 'all history, defaults', window: {}, options: {} },
    { name: 'the usual window, defaults', window: { since: historyDates.start, until: historyDates.end }, options: {} },
    {
      name: 'the usual window, tight options',
      window: { since: historyDates.start, until: historyDates.end },
      options: tight,
    },
    {
      name: 'a middle window with a small cap',
      window: { since: '2025-01-11T09:00:00Z', until: '2025-02-03T10:00:00Z' },
      options: { top: 5, fixWindowDays: 3 },
    },
    {
      name: 'the bulk commit inside the changeset limit, every pair kept',
      window: { since: historyDates.start },
      options: { maxChangesetSize: 40, minSharedCommits: 1, top: 30 },
    },
  ])('$name', async (oracleCase) => {
    const expected = await compareWithOracle(dir, oracleCase)
    // The fixture must exercise the definitions, or the comparison proves little.
    expect(expected.commits.total).toBeGreaterThan(5)
    expect(expected.hotspots.length).toBeGreaterThan(3)
    expect(expected.ownership.length).toBeGreaterThan(3)
  })

  it('exercises merges, reverts, fixes and coupling in the usual window', async () => {
    const expected = await compareWithOracle(dir, {
      name: 'usual',
      window: { since: historyDates.start, until: historyDates.end },
      options: {},
    })
    expect(expected.commits.merges).toBe(1)
    expect(expected.reverts.map((revert) => revert.revertedSha === null)).toEqual([true, false])
    expect(expected.fixAfter.length).toBeGreaterThan(0)
    expect(expected.coupling.length).toBeGreaterThan(0)
    expect(expected.conventions.coAuthoredShare).toBeGreaterThan(0)
  })

  it.each(['cli', 'isomorphic'] as const)(
    'gives the same statistics from extractGitHistory (%s backend)',
    async (backend) => {
      const window = { since: historyDates.start, until: historyDates.end }
      const history = await extractGitHistory({ dir, ...window, backend })
      const expected = await expectedStats(dir, {
        ...defaultAnalyzeHistoryOptions,
        ...window,
        headFilesRead: false,
        historyShasGiven: false,
      })
      expect(analyzeHistory(history.commits, { until: window.until })).toEqual(expected)
    },
  )

  it('gives the same statistics read from HEAD and the whole history, as gitlore context does', async () => {
    await compareWithOracle(dir, {
      name: 'head',
      window: { since: historyDates.start, until: historyDates.end },
      options: {},
      fromHead: true,
    })
  })

  it('handles an empty window', async () => {
    await compareWithOracle(dir, { name: 'empty', window: { since: '2030-01-01T00:00:00Z' }, options: {} })
  })
})

describe('analyzeHistory matches a naive oracle over git log (synthetic repositories)', () => {
  const repositories: Record<number, string> = {}
  beforeAll(async () => {
    repositories[7] = await buildSyntheticRepository({ commits: 400, seed: 7 })
    // Fewer files and authors: more pairs, fixes and shared ownership per file.
    repositories[42] = await buildSyntheticRepository({ commits: 400, seed: 42, files: 80, authors: 6 })
  })

  it.each<OracleCase & { readonly seed: number }>([
    { name: 'seed 7, all history, defaults', seed: 7, window: {}, options: {} },
    { name: 'seed 7, tight options', seed: 7, window: {}, options: tight },
    {
      name: 'seed 42, a middle window',
      seed: 42,
      window: { since: '2023-01-03T00:00:00Z', until: '2023-01-08T12:00:00Z' },
      options: { top: 150 },
    },
    {
      name: 'seed 42, a middle window, tight options, small cap',
      seed: 42,
      window: { since: '2023-01-03T00:00:00Z', until: '2023-01-08T12:00:00Z' },
      options: { ...tight, top: 10 },
    },
  ])('$name', async ({ seed, ...oracleCase }) => {
    const expected = await compareWithOracle(repositories[seed] as string, oracleCase)
    expect(expected.commits.merges).toBeGreaterThan(0)
    expect(expected.coupling.length).toBeGreaterThan(0)
    expect(expected.fixAfter.length).toBeGreaterThan(0)
  })
})

describe('analyzeHistory matches the oracle on people, automation and generated files (team fixture)', () => {
  let fixture: Awaited<ReturnType<typeof buildTeamFixture>>
  const linked = new Map([
    ['lin@example.com', 'linked'],
    ['lk@laptop.example', 'linked'],
  ])
  beforeAll(async () => {
    fixture = await buildTeamFixture()
  })

  it.each<OracleCase>([
    {
      name: 'defaults, read from HEAD, logins linked',
      window: {},
      options: {},
      fromHead: true,
      identityLogins: linked,
    },
    { name: 'defaults without HEAD or logins', window: {}, options: {} },
    {
      name: 'everything included, no merging',
      window: {},
      options: { includeGenerated: true, includeAutomation: true, mergeIdentities: false },
      fromHead: true,
    },
    {
      name: 'a window ending before the last commits, short inactivity',
      window: { since: '2025-01-01T00:00:00Z', until: '2025-02-15T00:00:00Z' },
      options: { inactiveDays: 20, top: 3 },
      fromHead: true,
      identityLogins: linked,
    },
  ])('$name', async (oracleCase) => {
    await compareWithOracle(fixture.dir, oracleCase)
  })

  it('exercises every rule it is meant to', async () => {
    const expected = await compareWithOracle(fixture.dir, {
      name: 'usual',
      window: { until: teamDates.end },
      options: {},
      fromHead: true,
      identityLogins: linked,
    })
    expect(expected.identities.flatMap((merge) => merge.aliases.map((alias) => alias.reason)).sort()).toEqual([
      'github-login',
      'github-noreply',
      'same-name',
    ])
    expect(Object.keys(expected.generated.byReason).sort()).toEqual([
      'build-artefact',
      'generated-header',
      'generated-path',
      'linguist-generated',
      'linguist-vendored',
      'lockfile',
      'vendored-path',
    ])
    expect(expected.automation.releaseCommits).toBe(1)
    expect(expected.automation.bots.map((bot) => bot.commits)).toEqual([4])
    expect(expected.knowledgeLoss.paths.map((entry) => entry.path)).toContain('src/legacy.ts')
    expect(expected.reverts.map((revert) => revert.revertedInHistory)).toEqual([true, false])
    // The bot's fix(deps) bump and the release that says fix follow other changes to package.json,
    // yet count as quick fixes only when automation is included.
    const quickFixes = (stats: typeof expected) => stats.fixAfter.find((entry) => entry.path === 'package.json')?.fixes
    expect(quickFixes(expected)).toBeUndefined()
    const included = await compareWithOracle(fixture.dir, {
      name: 'automation included',
      window: { until: teamDates.end },
      options: { includeAutomation: true },
      fromHead: true,
    })
    expect(quickFixes(included)).toBe(2)
    expect(expected.files.some((facts) => !facts.atHead)).toBe(true)
  })
})
