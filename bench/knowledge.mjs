#!/usr/bin/env node
// Benchmark: the knowledge index on a large history with loopback review data. It runs `gitlore
// analyze` (offline models, reviews from a loopback GitHub whose threads are on the repository's own
// files), then measures the index build as a share of the run, a cold `gitlore advise` process
// against a bare `node`, and 100 mixed calls through a warm `gitlore mcp` server (p50, p95, max).
// Not a test: it prints a table. Run `pnpm build` first, then
//   node bench/knowledge.mjs --repo /path/to/a/clone   (default: a generated 15,000-commit repository)
// Options: --pull-requests N (default 1000), --comments N (default 10000), --calls N (default 100).
import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    repo: { type: 'string' },
    'pull-requests': { type: 'string', default: '1000' },
    comments: { type: 'string', default: '10000' },
    calls: { type: 'string', default: '100' },
    runs: { type: 'string', default: '10' },
  },
})
const load = (path) =>
  import(pathToFileURL(join(root, path)).href).catch(() => {
    console.error(`bench: ${path} is missing; run \`pnpm build\` first`)
    process.exit(2)
  })
const fixtures = await load('fixtures/dist/index.js')
const bin = join(root, 'apps/cli/bundle/bin.js')
if (!existsSync(bin)) {
  console.error('bench: apps/cli/bundle/bin.js is missing; run `pnpm build` first')
  process.exit(2)
}
// The MCP client comes from the CLI's own dependencies.
const cliRequire = createRequire(join(root, 'apps/cli/package.json'))
const sdk = (path) => import(pathToFileURL(cliRequire.resolve(`@modelcontextprotocol/sdk/${path}`)).href)
const [{ Client }, { StdioClientTransport }] = await Promise.all([sdk('client/index.js'), sdk('client/stdio.js')])

const git = (dir, args) => {
  const result = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

let repo = values.repo === undefined ? undefined : resolve(values.repo)
if (repo === undefined) {
  repo = join(root, 'bench/.work/synthetic-15000')
  if (!existsSync(join(repo, '.git'))) {
    mkdirSync(dirname(repo), { recursive: true })
    console.error('bench: generating a 15,000-commit repository (once; kept in bench/.work)')
    await fixtures.buildSyntheticRepository({ dir: repo, commits: 15_000 })
  }
}
const commits = Number(git(repo, ['rev-list', '--count', 'HEAD']).trim())
const paths = git(repo, ['ls-files', '-z'])
  .split('\0')
  .filter((path) => path !== '')
const token = 'ghp_benchmarkTokenNotReal'
const world = fixtures.generateGitHubWorld({
  owner: 'octo',
  name: 'bench',
  pullRequests: Number(values['pull-requests']),
  comments: Number(values.comments),
  paths,
})
const github = await fixtures.startGitHubServer({ repositories: [world], token, rateLimit: 1_000_000 })
const home = mkdtempSync(join(tmpdir(), 'gitlore-bench-knowledge-'))
const env = {
  PATH: process.env.PATH,
  HOME: home,
  XDG_CONFIG_HOME: join(home, 'config'),
  GITHUB_TOKEN: token,
  GITLORE_GITHUB_REPO: 'octo/bench',
  GITLORE_GITHUB_API_URL: github.url,
  GITLORE_MODELS_CLASSIFIER: 'offline',
  GITLORE_MODELS_EMBEDDING: 'offline',
  GITLORE_MODELS_SYNTHESIZER: 'offline',
}
// Asynchronously: the loopback GitHub answers from this process, so it must not be blocked.
const gitlore = (args) =>
  new Promise((done) => {
    const started = performance.now()
    execFile(process.execPath, [bin, ...args, '--repo', repo], { env, maxBuffer: 1 << 28 }, (error, stdout, stderr) =>
      done({ status: error === null ? 0 : (error.code ?? 1), stdout, stderr, ms: performance.now() - started }),
    )
  })
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]
const percentile = (values, share) =>
  [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.ceil(share * values.length) - 1)]
const rows = []

try {
  rmSync(join(repo, '.gitlore'), { recursive: true, force: true })
  console.error('bench: analyze, cold')
  const cold = await gitlore(['analyze', '--since', 'all', '--format', 'json'])
  if (cold.status !== 0) throw new Error(`analyze exited ${cold.status}: ${cold.stderr.slice(-2000)}`)
  const indexMs = (stderr) => Number(/knowledge index: .* in (\d+) ms/.exec(stderr)?.[1] ?? Number.NaN)
  const built = /knowledge index: (.*) in \d+ ms/.exec(cold.stderr)?.[1] ?? '?'
  rows.push(['analyze, cold (history, reviews, themes, findings, index)', cold.ms, '', ''])
  rows.push([`  of which the index build (${built})`, indexMs(cold.stderr), cold.ms, 0.1])
  console.error('bench: analyze, warm')
  const warm = await gitlore(['analyze', '--since', 'all', '--format', 'json'])
  rows.push(['analyze, warm re-run', warm.ms, '', ''])
  rows.push(['  of which the index refresh (nothing changed)', indexMs(warm.stderr), warm.ms, 0.1])

  // The busiest files still at HEAD, from the last 2,000 commits: what someone is about to change.
  const atHead = new Set(paths)
  const counts = new Map()
  for (const path of git(repo, ['log', '--format=', '--name-only', '-n', '2000']).split('\n')) {
    if (atHead.has(path)) counts.set(path, (counts.get(path) ?? 0) + 1)
  }
  const hotspots = [...counts]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 50)
    .map(([path]) => path)
  const runs = Number(values.runs)
  const bare = Array.from({ length: runs }, () => {
    const started = performance.now()
    spawnSync(process.execPath, ['-e', '0'])
    return performance.now() - started
  })
  console.error('bench: cold advise processes')
  const advise = []
  for (let index = 0; index < runs; index++) {
    const result = await gitlore(['advise', '--files', hotspots[index % hotspots.length], '--json'])
    if (result.status !== 0) throw new Error(`advise exited ${result.status}: ${result.stderr}`)
    advise.push(result.ms)
  }
  rows.push(['node -e 0 (baseline)', median(bare), '', ''])
  rows.push([
    `gitlore advise --files <one of the 50 busiest files>, cold process (median of ${runs})`,
    median(advise),
    '',
    300,
  ])

  console.error('bench: MCP calls')
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp', '--repo', repo],
    env,
    stderr: 'ignore',
  })
  const client = new Client({ name: 'gitlore-bench', version: '1.0.0' })
  await client.connect(transport)
  const topics = ['testing', 'bug', 'landmine', 'performance', 'error handling', 'naming']
  const calls = Array.from({ length: Number(values.calls) }, (_, index) => {
    const file = hotspots[index % hotspots.length]
    switch (index % 10) {
      case 0:
      case 1:
      case 2:
      case 3:
        return ['get_planning_brief', { files: [file, hotspots[(index + 7) % hotspots.length]], task: 'fix a bug' }]
      case 4:
      case 5:
        return ['get_related_files', { path: file }]
      case 6:
        return ['get_repo_guidance', { topic: topics[index % topics.length] }]
      case 7:
      case 8:
        return [
          'search_review_comments',
          { query: ['error', 'test', 'loop', 'naming'][index % 4], path: `${file.split('/')[0]}/` },
        ]
      default:
        return ['get_findings', { severity: 'high' }]
    }
  })
  const latencies = []
  for (const [name, args] of calls) {
    const started = performance.now()
    const result = await client.callTool({ name, arguments: args })
    latencies.push(performance.now() - started)
    if (result.isError) throw new Error(`${name}: ${result.content?.[0]?.text}`)
  }
  await client.close()
  rows.push([`MCP, ${latencies.length} mixed calls through a warm server: p50`, percentile(latencies, 0.5), '', ''])
  rows.push(['MCP: p95', percentile(latencies, 0.95), '', 50])
  rows.push(['MCP: max', Math.max(...latencies), '', ''])
} finally {
  await github.close()
  rmSync(home, { recursive: true, force: true })
}

console.log(
  `\nknowledge index on ${repo} (${commits.toLocaleString('en-US')} commits, ${paths.length.toLocaleString('en-US')} files at HEAD), ` +
    `${world.pullRequests.length.toLocaleString('en-US')} PRs / ${fixtures.countWorldComments(world).toLocaleString('en-US')} review comments on its files\n`,
)
console.log('| measurement | ms | share of the run | target |')
console.log('|---|---:|---:|---|')
for (const [label, ms, of, target] of rows) {
  const share = typeof of === 'number' ? `${((ms / of) * 100).toFixed(1)}%` : ''
  const goal = target === '' ? '' : typeof of === 'number' ? `<= ${target * 100}% of the run` : `<= ${target} ms`
  console.log(`| ${label} | ${Math.round(ms)} | ${share} | ${goal} |`)
}
