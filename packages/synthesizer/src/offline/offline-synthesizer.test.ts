import type { Finding, RepositoryContext } from '@gitlore/core'
import { repositoryContext, sha } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { describeSynthesizerContract } from '../__fixtures__/synthesizer-contract.js'
import { createSynthesizer } from '../create-synthesizer.js'

const synthesizer = createSynthesizer({ kind: 'offline' })

async function findingsOf(context: RepositoryContext): Promise<readonly Finding[]> {
  return (await synthesizer.synthesize({ context })).findings
}

function hotspot(path: string, commits: number, authors = 2) {
  return {
    path,
    commits,
    added: commits * 10,
    removed: commits * 4,
    churn: commits * 14,
    authors,
    lastChanged: '2024-03-20T10:00:00.000Z',
  }
}

/** A team of three over 120 commits with one troubled file, a coupled module and a single-owner area. */
const busy = repositoryContext({
  commits: { total: 120, merges: 9, authors: 3 },
  hotspots: [
    hotspot('src/db/pool.ts', 30, 3),
    hotspot('pnpm-lock.yaml', 28),
    hotspot('src/api/routes.ts', 22),
    hotspot('src/billing/invoice.ts', 12, 1),
    hotspot('src/billing/tax.ts', 9, 1),
    hotspot('src/db/pool.test.ts', 8),
    hotspot('docs/api.md', 6, 1),
    hotspot('src/ui/form.tsx', 3),
  ],
  reverts: [
    {
      sha: sha('1'),
      subject: 'Revert "feat(db): pool connections per tenant"',
      revertedSha: sha('9'),
      revertedInHistory: true,
      revertedCommit: sha('9'),
      files: ['src/db/pool.ts'],
    },
    {
      sha: sha('2'),
      subject: 'Revert "fix(db): retry on reset"',
      // GitHub's revert button names a commit of the reverted pull request's branch: counted, never
      // said to be undone.
      revertedSha: '7777777',
      revertedInHistory: false,
      revertedCommit: null,
      files: ['src/db/pool.ts', 'pnpm-lock.yaml', 'src/db/legacy-pool.ts'],
    },
    {
      // A squash-merged pull request whose body keeps an inner revert of a commit of its own branch:
      // it touched these files and undid nothing in the history.
      sha: sha('4'),
      subject: 'perf(db): move pool setup (#16749)',
      revertedSha: '5555555',
      revertedInHistory: false,
      revertedCommit: null,
      files: ['src/db/pool.ts', 'src/db/setup.ts', 'src/ui/form.tsx'],
    },
    {
      sha: sha('3'),
      subject: 'Revert "feat(ui): new form layout"',
      revertedSha: sha('8'),
      revertedInHistory: true,
      revertedCommit: sha('8'),
      files: ['src/ui/form.tsx', 'src/ui/form.css', 'src/ui/theme.ts'],
    },
  ],
  fixAfter: [
    {
      path: 'src/db/pool.ts',
      fixes: 3,
      examples: [
        { fix: sha('a'), before: sha('b') },
        { fix: sha('c'), before: sha('a') },
      ],
    },
    { path: 'src/api/routes.ts', fixes: 1, examples: [{ fix: sha('d'), before: sha('e') }] },
  ],
  coupling: [
    { a: 'src/db/pool.test.ts', b: 'src/db/pool.ts', shared: 8, degree: 0.42 },
    { a: 'src/billing/invoice.ts', b: 'src/billing/tax.ts', shared: 7, degree: 0.67 },
    { a: 'src/billing/invoice.ts', b: 'src/billing/pdf.ts', shared: 5, degree: 0.6 },
    { a: 'src/billing/pdf.ts', b: 'src/billing/tax.ts', shared: 4, degree: 0.55 },
    { a: 'src/api/routes.ts', b: 'docs/api.md', shared: 6, degree: 0.85 },
    { a: 'src/api/routes.ts', b: 'src/api/routes.test.ts', shared: 6, degree: 0.9 },
    { a: 'src/api/routes.ts', b: 'src/ui/form.tsx', shared: 3, degree: 0.2 },
  ],
  hubs: [
    {
      path: 'src/api/routes.ts',
      partners: 6,
      strongest: [
        { path: 'src/api/routes.test.ts', shared: 6, degree: 0.9 },
        { path: 'docs/api.md', shared: 6, degree: 0.85 },
        { path: 'src/ui/form.tsx', shared: 3, degree: 0.2 },
      ],
    },
    {
      path: 'src/billing/invoice.ts',
      partners: 2,
      strongest: [
        { path: 'src/billing/tax.ts', shared: 7, degree: 0.67 },
        { path: 'src/billing/pdf.ts', shared: 5, degree: 0.6 },
      ],
    },
  ],
  conventions: {
    conventionalShare: 0.8234,
    prefixes: { feat: 40, fix: 30, chore: 12, docs: 9, refactor: 7, revert: 1 },
    prNumberSuffixShare: 0.7,
    medianSubjectLength: 48,
    coAuthoredShare: 0.02,
  },
  ownership: [
    { path: 'src/db/pool.ts', commits: 30, mainAuthor: 'ana@acme.dev', mainAuthorShare: 0.4, authors: 3, busFactor: 2 },
    {
      path: 'src/billing/invoice.ts',
      commits: 12,
      mainAuthor: 'bo@acme.dev',
      mainAuthorShare: 1,
      authors: 1,
      busFactor: 1,
    },
    { path: 'src/billing/tax.ts', commits: 9, mainAuthor: 'bo@acme.dev', mainAuthorShare: 1, authors: 1, busFactor: 1 },
    { path: 'src/', commits: 100, mainAuthor: 'ana@acme.dev', mainAuthorShare: 0.45, authors: 3, busFactor: 2 },
    { path: 'docs/', commits: 6, mainAuthor: 'cy@acme.dev', mainAuthorShare: 1, authors: 1, busFactor: 1 },
  ],
  files: [
    { path: 'pnpm-lock.yaml', atHead: true, generated: 'lockfile' },
    { path: 'src/db/legacy-pool.ts', atHead: false },
  ],
  people: [
    { identity: 'ana@acme.dev', name: 'Ana Lima', commits: 54, files: 80, lastCommit: '2024-03-28T10:00:00.000Z' },
    { identity: 'bo@acme.dev', name: 'Bo Chen', commits: 50, files: 20, lastCommit: '2024-03-28T10:00:00.000Z' },
    { identity: 'cy@acme.dev', name: 'Cy', commits: 16, files: 9, lastCommit: '2024-03-28T10:00:00.000Z' },
  ],
})

describe('offline synthesizer', () => {
  it('reports nothing for an empty window, and says so', async () => {
    const result = await synthesizer.synthesize({ context: repositoryContext() })
    expect(result.findings).toEqual([])
    expect(result.synthesizer).toBe('offline')
    expect(result.notes.join('\n')).toContain('No commits in the window')
  })

  it('states no finding from too little history, even a revert', async () => {
    const context = repositoryContext({
      commits: { total: 4, merges: 0, authors: 1 },
      reverts: [
        {
          sha: sha('1'),
          subject: 'Revert "x"',
          revertedSha: null,
          revertedInHistory: false,
          revertedCommit: null,
          files: ['a.ts'],
        },
      ],
      hotspots: [hotspot('a.ts', 4)],
    })
    const result = await synthesizer.synthesize({ context })
    expect(result.findings).toEqual([])
    expect(result.notes.join('\n')).toMatch(/Only 4 commits in the window/)
  })

  it('combines the reverts, fixes and churn of one file into one fragile-area finding', async () => {
    const pool = (await findingsOf(busy)).filter((finding) => finding.files.includes('src/db/pool.ts'))
    expect(pool).toHaveLength(1)
    const [finding] = pool
    expect(finding).toMatchObject({ category: 'fragile_area', severity: 'high', files: ['src/db/pool.ts'] })
    expect(finding?.title).toBe('src/db/pool.ts: 2 reverts, 3 quick fixes, 30 commits')
    expect(finding?.insight).toContain('was reverted twice (1111111 and 2222222)')
    expect(finding?.insight).toContain('3 fix commits')
    expect(finding?.evidence.map((item) => item.ref)).toEqual([
      sha('1'),
      sha('2'),
      'src/db/pool.ts',
      sha('a'),
      sha('c'),
      'src/db/pool.ts',
    ])
    expect(finding?.evidence.map((item) => item.text).slice(0, 5)).toEqual([
      'Reverted in 1111111: Revert "feat(db): pool connections per tenant", undoing 9999999',
      'Reverted in 2222222: Revert "fix(db): retry on reset"',
      '3 fix commits to src/db/pool.ts came shortly after another change to it; the newest 2 are named below',
      'Fix aaaaaaa followed bbbbbbb on src/db/pool.ts',
      'Fix ccccccc followed aaaaaaa on src/db/pool.ts',
    ])
  })

  it('counts no squash-merged pull request that reverted a commit of its own branch as a revert', async () => {
    const findings = await findingsOf(busy)
    const text = JSON.stringify(findings)
    expect(text).not.toContain('4444444')
    expect(text).not.toContain('src/db/setup.ts')
    const pool = findings.find((finding) => finding.files.includes('src/db/pool.ts'))
    expect(pool?.title).toBe('src/db/pool.ts: 2 reverts, 3 quick fixes, 30 commits')
    // Alone, such a pull request makes no finding and no severity.
    const alone = await findingsOf(
      repositoryContext({ ...busy, reverts: busy.reverts.filter((revert) => revert.sha === sha('4')) }),
    )
    expect(alone.filter((finding) => finding.files.includes('src/db/setup.ts'))).toEqual([])
    expect(alone.find((finding) => finding.files.includes('src/db/pool.ts'))?.title).toBe(
      'src/db/pool.ts: 3 quick fixes, 30 commits',
    )
  })

  it('reports files reverted together as one finding naming the change', async () => {
    const findings = await findingsOf(busy)
    const ui = findings.filter(
      (finding) => finding.category === 'fragile_area' && finding.files.some((file) => file.startsWith('src/ui/')),
    )
    expect(ui).toHaveLength(1)
    expect(ui[0]).toMatchObject({
      category: 'fragile_area',
      severity: 'medium',
      title: 'Reverted: "feat(ui): new form layout" (3 files)',
      files: ['src/ui/form.css', 'src/ui/form.tsx', 'src/ui/theme.ts'],
    })
    expect(ui[0]?.evidence.map((item) => item.ref)).toEqual([sha('3')])
  })

  it('never names a generated file or a path deleted before HEAD', async () => {
    const findings = await findingsOf(busy)
    const named = findings.flatMap((finding) => [
      ...finding.files,
      ...finding.evidence.map((item) => item.ref),
      finding.title,
    ])
    expect(named.some((text) => text?.includes('pnpm-lock.yaml'))).toBe(false)
    expect(named.some((text) => text?.includes('legacy-pool'))).toBe(false)
    // The lock file is the second busiest file; the next busiest real files are hot instead.
    expect(findings.map((finding) => finding.title)).toContain('src/api/routes.ts: 22 commits')
  })

  it('groups strongly coupled files into a cluster and leaves weak and source/test pairs out', async () => {
    const result = await synthesizer.synthesize({ context: busy })
    const architecture = result.findings.filter((finding) => finding.category === 'architecture')
    const billing = architecture.find((finding) => finding.files.includes('src/billing/tax.ts'))
    expect(billing).toMatchObject({
      title: '3 files change together in src/billing/',
      files: ['src/billing/invoice.ts', 'src/billing/pdf.ts', 'src/billing/tax.ts'],
      severity: 'low',
    })
    expect(billing?.evidence).toHaveLength(3)
    const docs = architecture.find((finding) => finding.files.includes('docs/api.md'))
    expect(docs).toMatchObject({ severity: 'high', title: 'src/api/routes.ts and docs/api.md change together' })
    expect(docs?.insight).toContain('changed together in 6 commits (coupling degree 0.85')
    const pairs = architecture.filter((finding) => !finding.title.includes('coupling hub'))
    expect(pairs.some((finding) => finding.files.includes('src/db/pool.test.ts'))).toBe(false)
    expect(pairs.some((finding) => finding.files.includes('src/ui/form.tsx'))).toBe(false)
    expect(result.notes.join('\n')).toContain('1 strongly coupled source/test pair not reported')
  })

  it('names a hub and its strongest partners', async () => {
    const hubs = (await findingsOf(busy)).filter((finding) => finding.title.includes('coupling hub'))
    expect(hubs.map((finding) => finding.title)).toEqual(['src/api/routes.ts is a coupling hub (6 partners)'])
    expect(hubs[0]?.insight).toContain(
      'Its strongest partners: src/api/routes.test.ts (6 shared commits), docs/api.md (6 shared commits) and src/ui/form.tsx (3 shared commits).',
    )
  })

  it('states the commit style as what a contributor should do', async () => {
    const conventions = (await findingsOf(busy)).filter((finding) => finding.category === 'convention')
    expect(conventions).toHaveLength(1)
    expect(conventions[0]?.severity).toBe('medium')
    expect(conventions[0]?.insight).toContain(
      'Use Conventional Commits (`type(scope): summary`): 82% of subjects do, mostly feat, fix and chore.',
    )
    expect(conventions[0]?.insight).toContain('70% of subjects end with the PR number')
    expect(conventions[0]?.insight).not.toContain('Co-authored-by')
    expect(conventions[0]?.evidence[0]?.text).toBe(
      '82% of 120 commit subjects match Conventional Commits (feat: 40, fix: 30, chore: 12)',
    )
  })

  it('does not call a file hot when bots and releases made most of its commits', async () => {
    const released = repositoryContext({
      ...busy,
      hotspots: [hotspot('package.json', 40), ...busy.hotspots],
      ownership: [
        {
          path: 'package.json',
          commits: 12,
          mainAuthor: 'ana@acme.dev',
          mainAuthorShare: 0.5,
          authors: 2,
          busFactor: 1,
        },
        ...busy.ownership,
      ],
    })
    const titles = (await findingsOf(released)).map((finding) => finding.title)
    expect(titles.some((title) => title.startsWith('package.json'))).toBe(false)
    expect(titles).toContain('src/api/routes.ts: 22 commits')
  })

  it('names the single owner of hot files and of a directory', async () => {
    const team = (await findingsOf(busy)).filter((finding) => finding.category === 'team')
    const bo = team.find((finding) => finding.insight.includes('Bo Chen'))
    expect(bo).toMatchObject({ severity: 'medium', files: ['src/billing/invoice.ts', 'src/billing/tax.ts'] })
    expect(bo?.title).toBe('Bus factor 1: Bo Chen (bo@acme.dev) holds src/billing/invoice.ts and 1 more')
    expect(bo?.insight).toContain('src/billing/invoice.ts (100%) and src/billing/tax.ts (100%)')
    const cy = team.find((finding) => finding.files.includes('docs/'))
    expect(cy).toMatchObject({ severity: 'high' })
    // 45% is not a majority, so ana's hold on src/ is not a bus factor 1.
    expect(team.some((finding) => finding.files.includes('src/'))).toBe(false)
  })

  it('reports one person writing most commits only when they do', async () => {
    expect((await findingsOf(busy)).some((finding) => finding.title.includes('of the commits'))).toBe(false)
    const solo = repositoryContext({
      ...busy,
      people: [
        { identity: 'ana@acme.dev', name: 'Ana Lima', commits: 100, files: 80, lastCommit: '2024-03-28T10:00:00.000Z' },
        { identity: 'bo@acme.dev', name: 'Bo Chen', commits: 20, files: 20, lastCommit: '2024-03-28T10:00:00.000Z' },
      ],
      commits: { total: 120, merges: 0, authors: 2 },
    })
    const people = (await findingsOf(solo)).find((finding) => finding.title.includes('of the commits'))
    expect(people).toMatchObject({
      category: 'team',
      severity: 'high',
      title: 'Ana Lima (ana@acme.dev) wrote 83% of the commits',
    })
    expect(people?.insight).toContain('wrote 100 of the 120 non-merge commits')
  })

  it('reports knowledge loss per inactive author, with counts over the full list', async () => {
    const lost = (path: string, commits: number) => ({
      path,
      commits,
      mainAuthor: 'gone@acme.dev',
      mainAuthorShare: 0.8,
      mainAuthorLastCommit: '2023-05-02T10:00:00.000Z',
      inactiveShare: 0.8,
    })
    const context = repositoryContext({
      ...busy,
      knowledgeLoss: {
        inactiveDays: 180,
        asOf: '2024-03-31T23:59:59.000Z',
        inactiveAuthors: 2,
        authors: [
          { identity: 'gone@acme.dev', lastCommit: '2023-05-02T10:00:00.000Z', files: 42, commits: 300 },
          { identity: 'brief@acme.dev', lastCommit: '2023-01-02T10:00:00.000Z', files: 1, commits: 9 },
        ],
        // The list is capped: the author's 42 files come from `authors`, not from counting these.
        paths: [
          lost('src/db/legacy-pool.ts', 20),
          lost('src/db/pool.ts', 12),
          lost('src/db/retry.ts', 6),
          lost('src/db/x.ts', 2),
        ],
      },
    })
    const findings = (await findingsOf(context)).filter((finding) => finding.title.startsWith('Knowledge loss'))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      title: 'Knowledge loss: gone@acme.dev, main author of 42 files, last committed 2023-05-02',
      severity: 'high',
      // The deleted file and the one with too few commits are not named.
      files: ['src/db/pool.ts', 'src/db/retry.ts'],
    })
    expect(findings[0]?.insight).toContain('(300 commits to them)')
    expect(findings[0]?.insight).toContain('no commit in the 334 days up to 2024-03-31')
  })

  it('skips ownership when there is only one author', async () => {
    const result = await synthesizer.synthesize({
      context: { ...busy, commits: { total: 120, merges: 0, authors: 1 } },
    })
    expect(result.findings.filter((finding) => finding.category === 'team')).toEqual([])
    expect(result.notes.join('\n')).toContain('1 author in the window')
  })

  it('orders findings by severity, category, title and gives them stable, unique ids', async () => {
    const first = await findingsOf(busy)
    const second = await findingsOf(structuredClone(busy))
    expect(second).toEqual(first)
    const ids = first.map((finding) => finding.id)
    expect(new Set(ids).size).toBe(ids.length)
    const ranks = first.map((finding) => ['high', 'medium', 'low'].indexOf(finding.severity))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    expect(first.map((finding) => `${finding.severity} ${finding.category}: ${finding.title}`)).toMatchInlineSnapshot(`
      [
        "high fragile_area: src/db/pool.ts: 2 reverts, 3 quick fixes, 30 commits",
        "high architecture: src/api/routes.ts and docs/api.md change together",
        "high team: Bus factor 1: Cy (cy@acme.dev) holds docs/",
        "medium fragile_area: Reverted: "feat(ui): new form layout" (3 files)",
        "medium convention: Commit subjects use Conventional Commits",
        "medium team: Bus factor 1: Bo Chen (bo@acme.dev) holds src/billing/invoice.ts and 1 more",
        "low fragile_area: src/api/routes.ts: 22 commits",
        "low fragile_area: src/billing/invoice.ts: 12 commits",
        "low architecture: 3 files change together in src/billing/",
        "low architecture: src/api/routes.ts is a coupling hub (6 partners)",
      ]
    `)
  })

  it('cites only commits and paths that are in the context', async () => {
    const shas = new Set([
      ...busy.reverts.map((revert) => revert.sha),
      ...busy.fixAfter.flatMap((entry) => entry.examples.flatMap((example) => [example.fix, example.before])),
    ])
    const paths = new Set([
      ...busy.hotspots.map((item) => item.path),
      ...busy.coupling.flatMap((pair) => [pair.a, pair.b]),
      ...busy.reverts.flatMap((revert) => revert.files),
      ...busy.fixAfter.map((item) => item.path),
      ...busy.ownership.map((item) => item.path),
    ])
    for (const finding of await findingsOf(busy)) {
      for (const file of finding.files) expect(paths).toContain(file)
      for (const item of finding.evidence) {
        expect(item.source).toBe('git')
        if (item.ref !== undefined) expect(shas.has(item.ref) || paths.has(item.ref)).toBe(true)
      }
    }
  })

  it('honours threshold overrides and caps each rule with a note', async () => {
    const strict = createSynthesizer({ kind: 'offline', thresholds: { maxFindingsPerRule: 1, minHubPartners: 10 } })
    const result = await strict.synthesize({ context: busy })
    expect(result.findings.filter((finding) => finding.category === 'fragile_area')).toHaveLength(1)
    expect(result.findings.some((finding) => finding.title.includes('coupling hub'))).toBe(false)
    expect(result.notes.join('\n')).toMatch(/\d+ more fragile-area findings left out \(limit 1\)/)
  })
})

describeSynthesizerContract('offline', () => createSynthesizer({ kind: 'offline' }), busy)
