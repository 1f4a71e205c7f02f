import type { Finding, ReviewCluster } from '@gitlore/core'
import { repositoryContext, sha } from '@gitlore/fixtures'
import type { QuotedComment, ReportInput } from '../formatter.js'

/** Findings in several categories and severities, with commit, path and pull-request refs. */
export const realisticFindings: readonly Finding[] = [
  {
    id: 'landmine-1',
    title: 'Connection pool changes get reverted',
    category: 'landmine',
    severity: 'high',
    insight:
      'Two changes to `src/db/pool.ts` were reverted within a day. Run the load test (`pnpm test:load`) before changing the pool size or the idle timeout.',
    evidence: [
      { source: 'git', text: `Reverted in ${sha('1')}: Revert "pool per tenant"`, ref: sha('1') },
      {
        source: 'review',
        text: 'Reviewer: this deadlocks under load',
        ref: 'https://github.com/acme/widgets/pull/412',
      },
    ],
    files: ['src/db/pool.ts'],
  },
  {
    id: 'fragile_area-1',
    title: 'Billing invoices break after quick fixes',
    category: 'fragile_area',
    severity: 'high',
    insight: 'src/billing/invoice.ts had 4 fix commits shortly after other changes. Add a test with every change.',
    evidence: [{ source: 'git', text: '4 fix commits within 7 days of another change', ref: 'src/billing/invoice.ts' }],
    files: ['src/billing/invoice.ts', 'src/billing/'],
  },
  {
    id: 'architecture-1',
    title: 'Handlers talk to the database only through repositories',
    category: 'architecture',
    severity: 'medium',
    insight: 'Reviewers ask for queries to move into `src/repositories/` whenever a handler builds SQL.',
    evidence: [
      { source: 'review', text: '9 review comments ask to move SQL out of handlers', ref: 'src/api/orders.ts:88' },
    ],
    files: ['src/api/orders.ts', 'src/repositories/'],
  },
  {
    id: 'convention-1',
    title: 'Commit subjects use Conventional Commits',
    category: 'convention',
    severity: 'medium',
    insight: 'Use `type(scope): summary`; 82% of subjects do.',
    evidence: [{ source: 'git', text: '82% of 120 commit subjects match Conventional Commits' }],
    files: [],
  },
  {
    id: 'tooling-1',
    title: 'Snapshot tests are updated by hand',
    category: 'tooling',
    severity: 'low',
    insight: 'Run `pnpm test -u` only after reading the diff; reviewers reject blind snapshot updates.',
    evidence: [{ source: 'review', text: 'Three PRs sent back for unexplained snapshot changes' }],
    files: ['src/ui/__snapshots__/'],
  },
  {
    id: 'team-1',
    title: 'Bus factor 1 in src/billing/',
    category: 'team',
    severity: 'high',
    insight: 'Bo Chen wrote 92% of the commits to src/billing/. Ask Bo to review billing changes.',
    evidence: [{ source: 'git', text: 'bo@acme.dev wrote 92% of commits to src/billing/', ref: 'src/billing/' }],
    files: ['src/billing/'],
  },
]

const clusters: readonly ReviewCluster[] = [
  ['cluster-1', 'Move SQL out of handlers into repositories', 14, 0.86, 'architecture', 'src/api/orders.ts'],
  ['cluster-2', 'Missing tests for error paths', 11, 0.64, 'testing', 'src/billing/invoice.ts'],
  ['cluster-3', 'Unclear names of feature flags', 7, 0.71, 'naming', 'src/flags.ts'],
  ['cluster-4', 'Noisy logging at the wrong level', 5, 0.4, 'style', 'src/api/routes.ts'],
  ['cluster-5', 'Thanks and approvals', 9, 0, 'praise', 'src/api/orders.ts'],
].map(([id, label, size, resolvedShare, category, file]) => ({
  id: String(id),
  label: String(label),
  topTerms: String(label).toLowerCase().split(' ').slice(0, 3),
  size: Number(size),
  categories: { [String(category)]: Number(size) },
  members: [],
  representatives: [`${id}-a`, `${id}-b`, `${id}-c`],
  files: [String(file), 'src/repositories/order-repository.ts'],
  prNumbers: [401, 412, 418],
  authors: ['ana', 'bo'],
  resolvedShare: Number(resolvedShare),
  threads: Number(size),
}))

const quoteBodies: Readonly<Record<string, readonly [string, string, string]>> = {
  'cluster-1': [
    'Please move this query into `OrderRepository`; handlers should not build SQL.',
    'Same as before: the SQL belongs in src/repositories/, not in the handler.',
    'Can this go through the repository layer? We keep raw queries out of the API.',
  ],
  'cluster-2': [
    'What happens when the tax service times out? Please add a test for that path.',
    'No test covers the failure branch here.',
    'Add a case for a declined card, the happy path is the only one tested.',
  ],
  'cluster-3': [
    '`flag2` says nothing. Name it after what it turns on.',
    'Rename `new_checkout_v3` to what it does.',
    'The flag name is misleading: it disables, not enables.',
  ],
  'cluster-4': [
    'This logs at error level on every request; use debug.',
    'Too noisy, we get this line a thousand times a minute.',
    'Log once, not in the loop.',
  ],
  'cluster-5': ['Thanks, looks great!', 'LGTM, nice work.', 'Great cleanup, thank you!'],
}

const quotes: readonly QuotedComment[] = clusters.flatMap((cluster) =>
  cluster.representatives.map((id, index) => ({
    id,
    url: `https://github.com/acme/widgets/pull/${cluster.prNumbers[index]}#discussion_r${1000 + index}`,
    author: index === 1 ? 'bo' : 'ana',
    prNumber: cluster.prNumbers[index]!,
    path: cluster.files[0]!,
    body: quoteBodies[cluster.id]![index]!,
  })),
)

const paths = [
  'src/db/pool.ts',
  'src/billing/invoice.ts',
  'src/api/orders.ts',
  'src/repositories/order-repository.ts',
  'src/billing/tax.ts',
  'src/ui/checkout-form.tsx',
  'src/api/routes.ts',
  'package.json',
]

/** A report input with every section filled: statistics, findings, review themes and load. */
export function realisticReportInput(): ReportInput {
  return {
    context: repositoryContext({
      commits: { total: 120, merges: 9, authors: 4 },
      hotspots: paths.map((path, index) => ({
        path,
        commits: 34 - index * 4,
        added: 900 - index * 90,
        removed: 300 - index * 20,
        churn: 1200 - index * 110,
        authors: 3,
        lastChanged: '2024-03-28T10:00:00.000Z',
      })),
      coupling: [
        { a: 'src/api/orders.ts', b: 'src/repositories/order-repository.ts', shared: 12, degree: 0.8 },
        { a: 'src/billing/invoice.ts', b: 'src/billing/tax.ts', shared: 9, degree: 0.62 },
        { a: 'src/api/orders.ts', b: 'src/api/routes.ts', shared: 6, degree: 0.41 },
        { a: 'src/billing/invoice.ts', b: 'src/db/pool.ts', shared: 4, degree: 0.25 },
      ],
      hubs: [
        {
          path: 'src/api/orders.ts',
          partners: 2,
          strongest: [
            { path: 'src/repositories/order-repository.ts', shared: 12, degree: 0.8 },
            { path: 'src/api/routes.ts', shared: 6, degree: 0.41 },
          ],
        },
      ],
      reverts: [
        {
          sha: sha('1'),
          subject: 'Revert "pool per tenant"',
          revertedSha: sha('9'),
          revertedInHistory: true,
          revertedCommit: sha('9'),
          files: ['src/db/pool.ts'],
        },
      ],
      fixAfter: [{ path: 'src/billing/invoice.ts', fixes: 4, examples: [{ fix: sha('7'), before: sha('6') }] }],
      ownership: [
        {
          path: 'src/billing/',
          commits: 40,
          mainAuthor: 'bo@acme.dev',
          mainAuthorShare: 0.92,
          authors: 2,
          busFactor: 1,
        },
        { path: 'src/api/', commits: 60, mainAuthor: 'ana@acme.dev', mainAuthorShare: 0.55, authors: 4, busFactor: 2 },
        { path: 'src/ui/', commits: 25, mainAuthor: 'cy@acme.dev', mainAuthorShare: 0.48, authors: 3, busFactor: 2 },
      ],
      people: [
        { identity: 'ana@acme.dev', name: 'Ana Lima', commits: 52, files: 61, lastCommit: '2024-03-28T10:00:00.000Z' },
        { identity: 'bo@acme.dev', name: 'Bo Chen', commits: 38, files: 22, lastCommit: '2024-03-28T10:00:00.000Z' },
        { identity: 'cy@acme.dev', name: 'Cy Okafor', commits: 21, files: 30, lastCommit: '2024-03-28T10:00:00.000Z' },
        { identity: 'dee@acme.dev', name: 'Dee Park', commits: 9, files: 12, lastCommit: '2024-03-28T10:00:00.000Z' },
      ],
    }),
    findings: realisticFindings,
    synthesizer: 'openrouter/anthropic/claude-sonnet-4.5',
    models: { classifier: 'openrouter/google/gemini-3-flash-preview', embedding: 'offline' },
    generatedAt: '2024-04-01T12:00:00.000Z',
    clusters,
    quotes,
    reviews: {
      repository: 'acme/widgets',
      pullRequests: 64,
      comments: 412,
      reviewers: [
        { login: 'ana', reviews: 41, comments: 160 },
        { login: 'bo', reviews: 35, comments: 121 },
        { login: 'cy', reviews: 12, comments: 88 },
        { login: 'dee', reviews: 4, comments: 43 },
      ],
      areas: [
        {
          path: 'src/',
          comments: 380,
          reviewers: [
            { login: 'ana', comments: 150 },
            { login: 'bo', comments: 110 },
            { login: 'cy', comments: 80 },
            { login: 'dee', comments: 40 },
          ],
        },
        { path: 'package.json', comments: 12, reviewers: [{ login: 'bo', comments: 12 }] },
      ],
    },
    notes: ['Review themes come from 412 comments on 64 pull requests.'],
  }
}

/** Text that would run script or break out of its format if any formatter failed to escape it. */
export const hostileText = {
  script: '<script>window.__pwned=1</script>',
  image: '<img src=x onerror="window.__pwned=2">',
  link: 'javascript:window.__pwned=3',
  /** Markers, a frontmatter fence, CDATA and comment ends, control characters and a lone surrogate. */
  breakers: '\n<!-- gitlore:end -->\n---\n]]> --> \u0000\u0007\u001b[31m \ud800 "quoted" & \'single\'',
}

/** A finding whose every text field is hostile. */
export const hostileFinding: Finding = {
  id: 'landmine-hostile',
  title: `Hostile ${hostileText.script} ${hostileText.image}`,
  category: 'landmine',
  severity: 'high',
  insight: `Insight ${hostileText.script} ${hostileText.image} ${hostileText.breakers}`,
  evidence: [
    { source: 'review', text: `Evidence ${hostileText.image}`, ref: hostileText.link },
    { source: 'git', text: `More ${hostileText.breakers}`, ref: `https://example.com/"><script>x</script>` },
  ],
  files: ['src/<script>.ts', 'a,b "c".ts', 'src/ok.ts'],
}

/** The realistic input with every theme label and quoted comment made hostile. */
export function hostileReviewInput(): ReportInput {
  const input = realisticReportInput()
  return {
    ...input,
    clusters: (input.clusters ?? []).map((cluster) => ({
      ...cluster,
      label: `${cluster.label} ${hostileText.script} ${hostileText.breakers}`,
      files: [...cluster.files, 'src/<img src=x>.ts'],
    })),
    quotes: (input.quotes ?? []).map((quote, index) => ({
      ...quote,
      author: index === 0 ? hostileText.image : quote.author,
      url: index === 1 ? hostileText.link : quote.url,
      body: `${quote.body} ${hostileText.image} ${hostileText.breakers} [x](javascript:alert(1))`,
    })),
  }
}
