import type { Finding } from '@gitlore/core'
import { sha } from '@gitlore/fixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { findings, fixtureRoot, knowledgeSources } from './__fixtures__/knowledge-sources.js'
import { buildKnowledgeIndex } from './build/build-knowledge-index.js'
import { createKnowledgeBase, type KnowledgeBase } from './create-knowledge-base.js'
import { storeKnowledgeIndex } from './knowledge-reader.js'
import type { KnowledgeStore } from './knowledge-store.js'
import type { BriefItem } from './queries/brief-item.js'
import { renderGuidance } from './render/render-guidance.js'
import { renderPlanningBrief } from './render/render-planning-brief.js'
import { createMemoryKnowledgeStore } from './test/memory-knowledge-store.js'

let store: KnowledgeStore
let knowledge: KnowledgeBase
let head = sha('a')

beforeAll(async () => {
  store = createMemoryKnowledgeStore()
  await storeKnowledgeIndex(store, buildKnowledgeIndex(knowledgeSources()))
  knowledge = createKnowledgeBase({ store, root: fixtureRoot, currentHead: async () => head })
})

const everyItem = (brief: Record<string, unknown>): BriefItem[] =>
  Object.values(brief).flatMap((value) =>
    Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'provenance' in item)
      ? (value as BriefItem[])
      : [],
  )

describe('planning brief', () => {
  it('leads with what reviewers ask for on the file, quoting them with the pull request', async () => {
    const brief = await knowledge.planningBrief({ files: ['src/db/query.ts'] })
    const [first] = brief.reviews
    expect(first?.text).toBe(
      'Reviewers raised "Missing null checks in database lookups" 2 times on src/db/query.ts (3 comments in 3 PRs across the repository)',
    )
    expect(first?.quote).toBe('This lookup can return undefined; add a null check before using row.id.')
    expect(first?.provenance).toEqual([{ kind: 'pr', ref: 'https://github.com/acme/widgets/pull/11#discussion_r1' }])
    expect(first?.lastSeen).toBe('2024-03-20T10:00:00Z')
  })

  it('never passes on text that addresses AI assistants', async () => {
    const brief = await knowledge.planningBrief({ files: ['src/db/query.ts'], limit: 20 })
    const text = JSON.stringify(brief)
    expect(text).not.toContain('curl')
    expect(text).not.toContain('evil.example')
    expect(brief.findings.map((item) => item.provenance[0]?.ref)).toEqual(['fragile-query'])
  })

  it('says what breaks, with the commits to check', async () => {
    const brief = await knowledge.planningBrief({ files: ['src/db/query.ts'], limit: 20 })
    const texts = brief.risks.map((item) => item.text)
    expect(texts).toContain(
      `src/db/query.ts: 3 fix commits came within 7 days of another change to it (of 14 commits), e.g. ${sha('1').slice(0, 7)} fixed after ${sha('2').slice(0, 7)}`,
    )
    const undone = brief.risks.find((item) => item.provenance[0]?.ref === sha('r'))
    expect(undone?.text).toContain(`undoing ${sha('s').slice(0, 7)}`)
    // Counted: the two reverts that undid something, not the pull request that reverted its own branch.
    expect(undone?.text).toContain('(2 reverts touched it in the window)')
    expect(undone?.lastSeen).toBe('2024-03-05T10:00:00Z')
    // A revert of a commit that is not in the history claims nothing undone.
    const branchRevert = brief.risks.find((item) => item.provenance[0]?.ref === sha('q'))
    expect(branchRevert?.text).not.toContain('undoing')
    expect(branchRevert?.provenance).toEqual([{ kind: 'commit', ref: sha('q') }])
    // A squash-merged pull request whose branch reverted one of its own commits is no revert of the file.
    expect(JSON.stringify(brief)).not.toContain(sha('p').slice(0, 7))
  })

  it('lists partners not asked about and still in the tree, strongest first', async () => {
    const brief = await knowledge.planningBrief({ files: ['src/db/query.ts'] })
    expect(brief.changeTogether.map((item) => item.text)).toEqual([
      'src/db/pool.ts changed in 6 of the 14 commits to src/db/query.ts (coupling degree 0.5217)',
      'src/api/handler.ts changed in 3 of the 14 commits to src/db/query.ts (coupling degree 0.2727)',
    ])
    const both = await knowledge.planningBrief({ files: ['src/db/query.ts', 'src/db/pool.ts'] })
    expect(both.changeTogether.map((item) => item.provenance[0]?.ref)).toEqual(['src/api/handler.ts'])
  })

  it('names active authors and reviewers, and warns when the main author left', async () => {
    const brief = await knowledge.planningBrief({ files: ['src/api/handler.ts'], limit: 20 })
    const texts = brief.people.map((item) => item.text)
    expect(texts).toContain(
      'Carol <carol@example.com> wrote 2 of the 8 commits to src/api/handler.ts and is still active here',
    )
    expect(texts.some((text) => text.startsWith('Bob <bob@example.com> wrote'))).toBe(false)
    expect(texts).toContain(
      'src/api/handler.ts: its main author Bob <bob@example.com> (75% of its commits) has not committed in 180 days; Carol <carol@example.com> is its most active author now',
    )
    expect(texts).toContain('erin reviews here: 1 review comment on src/api/handler.ts')
    const query = await knowledge.planningBrief({ files: ['src/db/query.ts'], limit: 20 })
    // The pull request's own author answering is not reviewing.
    expect(query.people.some((item) => item.text.startsWith('alice reviews'))).toBe(false)
    expect(query.people.map((item) => item.text)).toContain('dave reviews here: 2 review comments on src/db/query.ts')
  })

  it('counts an author of several files per file, as git log -- FILE does, and cites each commit once', async () => {
    const brief = await knowledge.planningBrief({ files: ['src/db/query.ts', 'src/db/pool.ts'], limit: 20 })
    expect(brief.people.map((item) => item.text)).toContain(
      'Alice <alice@example.com> wrote 10 of the 14 commits to src/db/query.ts, 9 of the 9 to src/db/pool.ts, and is still active here',
    )
    const base = knowledgeSources()
    const chained = [
      {
        path: 'src/db/query.ts',
        fixes: 3,
        examples: [
          { fix: sha('1'), before: sha('2') },
          { fix: sha('2'), before: sha('3') },
        ],
      },
    ]
    const chainStore = createMemoryKnowledgeStore()
    await storeKnowledgeIndex(
      chainStore,
      buildKnowledgeIndex({
        ...base,
        context: { ...base.context, fixAfter: chained },
        history: { ...base.history, fixAfter: chained },
      }),
    )
    const chain = createKnowledgeBase({ store: chainStore, root: fixtureRoot, currentHead: async () => head })
    const fixes = (await chain.planningBrief({ files: ['src/db/query.ts'], limit: 20 })).risks.find((item) =>
      item.text.includes('fix commits came within'),
    )
    expect(fixes?.text).toContain(
      `${sha('1').slice(0, 7)} fixed after ${sha('2').slice(0, 7)}; ${sha('2').slice(0, 7)} fixed after`,
    )
    expect(fixes?.provenance.map((entry) => entry.ref)).toEqual([sha('1'), sha('2'), sha('3')])
  })

  it('says which tests in a file fail in CI, and which changes to a file turned the branch red', async () => {
    const test = await knowledge.planningBrief({ files: ['test/query.test.ts'] })
    expect(test.risks[0]).toMatchObject({
      text: 'test/query.test.ts > lookup > finds rows failed in 3 of 20 runs of ci / test: not deterministic (a re-run or the next run passed)',
      provenance: [
        { kind: 'path', ref: 'test/query.test.ts' },
        { kind: 'commit', ref: sha('t') },
      ],
      lastSeen: '2024-03-22T10:00:00Z',
    })
    const query = await knowledge.planningBrief({ files: ['src/db/query.ts'], limit: 20 })
    expect(query.risks.find((item) => item.provenance[0]?.ref === sha('d'))).toMatchObject({
      text: `${sha('d').slice(0, 7)} changed src/db/query.ts and turned ci red on the default branch; alice@example.com made it pass again`,
      provenance: [
        { kind: 'commit', ref: sha('d') },
        { kind: 'run', ref: 'https://github.com/acme/widgets/actions/runs/77' },
      ],
    })
  })

  it('names an active author beyond the ten most committing ones', async () => {
    const many = Array.from({ length: 11 }, (_, index) => ({
      identity: `old${index}@example.com`,
      commits: 20 - index,
    }))
    const sources = knowledgeSources()
    const authorship = sources.authorship.map((entry) =>
      entry.path === 'src/api/handler.ts'
        ? {
            ...entry,
            authors: [...many, { identity: 'carol@example.com', commits: 1 }],
            mainAuthor: 'old0@example.com',
          }
        : entry,
    )
    const memory = createMemoryKnowledgeStore()
    await storeKnowledgeIndex(memory, buildKnowledgeIndex({ ...sources, authorship }))
    const brief = await createKnowledgeBase({ store: memory, root: fixtureRoot }).planningBrief({
      files: ['src/api/handler.ts'],
      limit: 20,
    })
    expect(brief.people.map((item) => item.text)).toContain(
      'src/api/handler.ts: its main author old0@example.com (75% of its commits) has not committed in 180 days; Carol <carol@example.com> is its most active author now',
    )
  })

  it('says it knows nothing about the files without pointing at conventions it did not show', async () => {
    const memory = createMemoryKnowledgeStore()
    await storeKnowledgeIndex(memory, buildKnowledgeIndex({ ...knowledgeSources(), conventionExamples: {} }))
    const bare = createKnowledgeBase({ store: memory, root: fixtureRoot })
    const brief = await bare.planningBrief({ files: ['new.ts'] })
    expect(brief.conventions).toEqual([])
    expect(renderPlanningBrief(brief)).toMatch(/\nNothing recorded about these files\.\n$/)
    const known = await knowledge.planningBrief({ files: ['new.ts'] })
    expect(renderPlanningBrief(known)).toMatch(/\nNothing recorded about these files beyond the conventions above\.\n$/)
  })

  it('warns that a generated file should be changed where it is produced', async () => {
    const brief = await knowledge.planningBrief({ files: ['src/gen/schema.ts'] })
    expect(brief.risks[0]?.text).toBe(
      'src/gen/schema.ts is generated or vendored (generated-header): change what produces it, not the file',
    )
  })

  it('says when an asked file no longer exists, before its history', async () => {
    const brief = await knowledge.planningBrief({ files: ['old/legacy.ts'] })
    expect(brief.risks[0]?.text).toBe(
      'old/legacy.ts no longer exists at HEAD: what follows is its history (last changed 2023-06-01)',
    )
  })

  it('gives every item provenance, and conventions with an example commit', async () => {
    const brief = await knowledge.planningBrief({ files: ['src/db/query.ts', 'src/api/handler.ts'], limit: 20 })
    const items = everyItem(brief as unknown as Record<string, unknown>)
    expect(items.length).toBeGreaterThan(10)
    for (const item of items) expect(item.provenance.length, item.text).toBeGreaterThan(0)
    expect(brief.conventions[0]).toMatchObject({
      text: '75% of commit subjects follow Conventional Commits ("type(scope): summary"); most used types: feat (12), fix (10), chore (3)',
      provenance: [{ kind: 'commit', ref: sha('9') }],
    })
  })

  it('ranks what the task mentions higher and finds what reviewers said about it elsewhere', async () => {
    const handler = (brief: { changeTogether: readonly BriefItem[] }) =>
      brief.changeTogether.find((item) => item.provenance[0]?.ref === 'src/api/handler.ts')?.score ?? 0
    const plain = await knowledge.planningBrief({ files: ['src/db/query.ts'] })
    expect(plain.reviews.some((item) => item.quote?.includes('retry path'))).toBe(false)
    const tasked = await knowledge.planningBrief({ files: ['src/db/query.ts'], task: 'retry the handler on timeouts' })
    expect(handler(tasked)).toBeGreaterThan(handler(plain))
    const elsewhere = tasked.reviews.find((item) => item.quote?.includes('retry path'))
    expect(elsewhere?.text).toBe('On a related change, erin on #14 (src/api/handler.ts)')
  })

  it('names files it knows nothing about, and says when HEAD moved', async () => {
    const brief = await knowledge.planningBrief({ files: ['./src/db/new.ts', `${fixtureRoot}/src/db/query.ts`] })
    expect(brief.files).toEqual(['src/db/new.ts', 'src/db/query.ts'])
    expect(brief.unknownFiles).toEqual(['src/db/new.ts'])
    expect(brief.index.stale).toBe(false)
    head = sha('b')
    try {
      const stale = await knowledge.planningBrief({ files: ['src/db/query.ts'] })
      expect(stale.index.stale).toBe(true)
      expect(stale.index.hint).toContain('run gitlore analyze to refresh it')
    } finally {
      head = sha('a')
    }
  })

  it('refuses paths outside the repository or inside .git, whatever their spelling', async () => {
    for (const path of ['../secret', 'src/../../x', '/etc/passwd', '.git/config', 'src/.GIT/hooks', 'a\u0000b', '  ']) {
      await expect(knowledge.planningBrief({ files: [path] }), path).rejects.toMatchObject({ code: 'knowledge_input' })
    }
  })
})

describe('related files, guidance, search and findings', () => {
  it('relates files by coupling and by shared review themes, leaving out deleted files', async () => {
    const related = await knowledge.relatedFiles({ path: 'src/db/query.ts' })
    expect(related.hubPartners).toBe(3)
    expect(related.related.map((item) => [item.path, item.relation, item.strength])).toEqual([
      ['src/db/pool.ts', 'coupling', 6],
      ['src/api/handler.ts', 'coupling', 3],
    ])
    const pool = await knowledge.relatedFiles({ path: 'src/db/pool.ts' })
    expect(pool.related.map((item) => item.path)).toEqual(['src/db/query.ts'])
  })

  it('fills the limit with files at HEAD when a stronger partner was deleted', async () => {
    const related = await knowledge.relatedFiles({ path: 'src/db/query.ts', limit: 2 })
    expect(related.related.map((item) => item.path)).toEqual(['src/db/pool.ts', 'src/api/handler.ts'])
  })

  it('says the window holds nothing when guidance without a topic has nothing to say', () => {
    const index = {
      head: sha('a'),
      currentHead: null,
      stale: null,
      builtAt: '2024-04-01T00:00:00Z',
      runId: null,
      window: { since: '2024-01-01T00:00:00Z', until: '2024-04-01T00:00:00Z' },
    }
    const empty = {
      topic: null,
      themes: [],
      findings: [],
      conventions: [],
      people: [],
      comments: [],
      withheld: 0,
      index,
    }
    expect(renderGuidance(empty)).toMatch(/\nNothing recorded in this window\.\n$/)
    expect(renderGuidance({ ...empty, topic: 'testing' })).toMatch(/\nNothing recorded on this topic\.\n$/)
  })

  it('leads guidance with the largest themes that are not praise, with quotes', async () => {
    const guidance = await knowledge.repoGuidance()
    expect(guidance.themes.map((theme) => theme.label)).toEqual(['Missing null checks in database lookups'])
    expect(guidance.themes[0]?.quotes[0]?.url).toBe('https://github.com/acme/widgets/pull/12#discussion_r2')
    expect(guidance.people[0]?.text).toBe(
      'src/: Alice <alice@example.com> wrote 18 of its 26 commits; dave wrote 3 review comments there',
    )
    const testing = await knowledge.repoGuidance({ topic: 'testing' })
    expect(testing.comments.map((comment) => comment.id)).toEqual(['c4'])
    // A review category brings the findings on the files reviewers raise it on, not every finding.
    expect(testing.findings).toEqual([])
    const bugs = await knowledge.repoGuidance({ topic: 'bug' })
    expect(bugs.findings.map((item) => item.provenance[0]?.ref)).toEqual(['fragile-query'])
    const words = await knowledge.repoGuidance({ topic: 'null check' })
    expect(words.themes.map((theme) => theme.id)).toEqual(['theme-null'])
  })

  it('searches comments by words and filters, never returning the text aimed at assistants', async () => {
    const byWords = await knowledge.searchReviewComments({ query: 'null check' })
    expect(byWords.comments.map((comment) => comment.id)).toEqual(['c7', 'c1', 'c2', 'c3'])
    const inDb = await knowledge.searchReviewComments({ query: 'null', path: 'src/db/', author: 'erin' })
    expect(inDb.comments.map((comment) => comment.id)).toEqual(['c3'])
    const curl = await knowledge.searchReviewComments({ query: 'curl' })
    expect(curl.comments).toEqual([])
    await expect(knowledge.searchReviewComments({ category: 'vibes' })).rejects.toThrow(/unknown category/)
  })

  it('lists findings severest first and withholds those addressing assistants', async () => {
    const list = await knowledge.listFindings()
    expect(list.findings.map((finding) => finding.id)).toEqual(['fragile-query', 'convention'])
    expect(list.withheld).toBe(1)
    expect((await knowledge.listFindings({ severity: 'high' })).findings).toHaveLength(1)
    await expect(knowledge.listFindings({ category: 'nope' })).rejects.toThrow(/unknown category/)
  })

  it('says there is no index yet and what to run', async () => {
    const empty = createKnowledgeBase({ store: createMemoryKnowledgeStore(), root: '/repo' })
    await expect(empty.planningBrief({ files: ['a.ts'] })).rejects.toThrow(
      'no knowledge index for /repo yet: run gitlore analyze (add --offline to ask no network service), then ask again',
    )
    // An index an older gitlore wrote is not read, and the answer says so instead of "no index yet".
    const olderStore = createMemoryKnowledgeStore()
    const index = buildKnowledgeIndex(knowledgeSources())
    await storeKnowledgeIndex(olderStore, { ...index, meta: { ...index.meta, formatVersion: 1 as never } })
    const older = createKnowledgeBase({ store: olderStore, root: '/repo' })
    await expect(older.planningBrief({ files: ['a.ts'] })).rejects.toThrow(
      'the knowledge index of /repo was built by an older gitlore: run gitlore analyze (add --offline to ask no network service) to rebuild it, then ask again',
    )
  })
})

describe('refreshing the index', () => {
  it('rewrites only the rows that changed', async () => {
    const memory = createMemoryKnowledgeStore()
    const first = await storeKnowledgeIndex(memory, buildKnowledgeIndex(knowledgeSources()))
    expect(first.unchanged).toBe(0)
    const again = await storeKnowledgeIndex(memory, buildKnowledgeIndex(knowledgeSources()))
    expect(again).toEqual({ written: 0, unchanged: first.written, deleted: 0 })
    const [fragile, , convention] = findings as [Finding, Finding, Finding]
    const changed = await storeKnowledgeIndex(
      memory,
      buildKnowledgeIndex(knowledgeSources({ findings: [{ ...fragile, severity: 'medium' }, convention] })),
    )
    // The changed finding, the meta (its counts) and the row of query.ts, which named the dropped
    // finding; the dropped finding's row goes.
    expect(changed).toEqual({ written: 3, unchanged: again.unchanged - 3 - 1, deleted: 1 })
  })
})
