import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildHistoryFixture, type GitHubServer, git, reviewWorld, startGitHubServer } from '@gitlore/fixtures'
import { type LoopbackModelServer, startLoopbackModelServer } from '@gitlore/llm/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction } from './run-action.js'
import { type LoopbackPullsServer, startLoopbackPullsServer } from './test-support/loopback-pulls-server.js'

const cli = resolve(fileURLToPath(import.meta.url), '../../../cli/bundle/bin.js')
const token = 'ghs_actionTestTokenNotReal0123456789'
let github: GitHubServer
let pulls: LoopbackPullsServer
let models: LoopbackModelServer

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run pnpm build first (pnpm test does)`)
  github = await startGitHubServer({ repositories: [reviewWorld()], token })
  pulls = await startLoopbackPullsServer({ owner: 'octo', repo: 'hello', token })
  models = await startLoopbackModelServer()
  // The scripted classifier files every comment of a batch under `testing`.
  models.onChat((request) => {
    const prompt = JSON.stringify(request.body)
    const ids = [...prompt.matchAll(/<comment id=\\"([^\\"]+)\\"/g)].map((match) => match[1])
    return {
      kind: 'message',
      text: `<classifications>${ids.map((id) => `<c id="${id}" categories="testing" confidence="0.9"/>`).join('')}</classifications>`,
    }
  })
})
afterAll(async () => {
  await Promise.all([github?.close(), pulls?.close(), models?.close()])
})

/** A workspace as actions/checkout leaves it: a one-commit clone of `origin`, a bare repository. */
async function checkout(): Promise<{ workspace: string; origin: string; temp: string }> {
  const temp = await mkdtemp(join(tmpdir(), 'gitlore-action-'))
  const { dir } = await buildHistoryFixture()
  const origin = join(temp, 'origin.git')
  await git(temp, ['clone', '--quiet', '--bare', dir, origin])
  const workspace = join(temp, 'workspace')
  await git(temp, ['clone', '--quiet', '--depth', '1', `file://${origin}`, workspace])
  return { workspace, origin, temp }
}

function actionEnv(workspace: string, temp: string, inputs: Record<string, string> = {}) {
  return {
    PATH: process.env.PATH,
    HOME: temp,
    XDG_CONFIG_HOME: join(temp, 'config'),
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo/hello',
    GITHUB_API_URL: pulls.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: join(temp, 'runner'),
    GITHUB_OUTPUT: join(temp, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
    INPUT_GITHUB_TOKEN: token,
    INPUT_SINCE: 'all',
    // Reviews from the loopback GraphQL GitHub; the classifier over HTTP; embeddings and findings offline.
    GITLORE_GITHUB_API_URL: github.url,
    GITLORE_GITHUB_REPO: 'octo/hello',
    GITLORE_PROVIDERS_COMPATIBLE_BASE_URL: models.url,
    GITLORE_MODELS_CLASSIFIER: 'compatible/scripted',
    GITLORE_MODELS_EMBEDDING: 'offline',
    GITLORE_MODELS_SYNTHESIZER: 'offline',
    ...inputs,
  }
}

describe('the GitHub Action', () => {
  it('analyses a shallow checkout, uploads the reports, and opens then updates one pull request with the assistant files', async () => {
    const { workspace, origin, temp } = await checkout()
    const lines: string[] = []
    const env = actionEnv(workspace, temp)
    const first = await runAction({ env, cli, log: (line) => lines.push(line) })
    expect(first.exitCode).toBe(0)
    expect(first.gitloreExitCode).toBe(0)

    // The whole history was fetched into the one-commit checkout before the analysis.
    const report = await readFile(join(first.reportDir, 'gitlore-report.md'), 'utf8')
    const commits = Number((await git(origin, ['rev-list', '--count', '--no-merges', 'HEAD'])).trim())
    expect(JSON.parse(await readFile(join(workspace, '.gitlore', 'context.json'), 'utf8')).commits.total).toBe(commits)
    expect(report).toContain('## What reviewers keep asking for')
    const findings = JSON.parse(await readFile(join(first.reportDir, 'findings.json'), 'utf8'))
    expect(existsSync(join(first.reportDir, 'gitlore-report.html'))).toBe(true)
    expect(models.requests.length).toBeGreaterThan(0)

    // The assistant files went to a branch of origin, one commit on top of the checkout.
    expect(first.changedFiles).toEqual(['AGENTS.md', 'CLAUDE.md'])
    const branchFiles = await git(origin, ['show', '--name-only', '--format=%an', 'gitlore/assistant-files'])
    expect(
      branchFiles
        .trim()
        .split('\n')
        .filter((line) => line !== ''),
    ).toEqual(['github-actions[bot]', 'AGENTS.md', 'CLAUDE.md'])
    const claude = await git(origin, ['show', 'gitlore/assistant-files:CLAUDE.md'])
    expect(claude).toContain('<!-- gitlore:begin -->')

    // One pull request, with gitlore's own text: counts, the files, where the reports are.
    expect(first.pullRequest).toMatchObject({ number: 1, created: true, base: 'main' })
    const [opened] = pulls.pullRequests
    expect(opened).toMatchObject({
      head: 'gitlore/assistant-files',
      base: 'main',
      title: 'Update the assistant files from gitlore',
    })
    expect(opened?.body).toContain(`The run found ${findings.findings.length} findings`)
    expect(opened?.body).toContain('- `CLAUDE.md`')
    expect(opened?.body).toContain('https://github.com/octo/hello/actions/runs/4242')
    const outputs = await readFile(join(temp, 'output.txt'), 'utf8')
    expect(outputs).toContain(`report-dir=${first.reportDir}\n`)
    expect(outputs).toContain('pull-request-number=1\n')
    expect(await readFile(join(temp, 'summary.md'), 'utf8')).toContain(
      'Pull request: https://github.com/octo/hello/pull/1',
    )

    // A hand-written line outside the markers, and a later run: the same pull request is updated.
    await writeFile(join(workspace, 'CLAUDE.md'), `# Our notes\n\nKeep this line.\n\n${claude}`)
    await git(workspace, [
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      'commit',
      '--quiet',
      '-am',
      'Write our own notes',
    ])
    await git(workspace, ['push', '--quiet', 'origin', 'HEAD:refs/heads/main'])
    const second = await runAction({ env, cli, log: (line) => lines.push(line) })
    expect(second.exitCode).toBe(0)
    expect(second.pullRequest).toMatchObject({ number: 1, created: false })
    expect(await git(origin, ['show', 'gitlore/assistant-files:CLAUDE.md'])).toMatch(
      /^# Our notes\n\nKeep this line\.\n[\s\S]*<!-- gitlore:begin -->/,
    )
    expect(pulls.pullRequests).toHaveLength(1)
    expect(pulls.requests.filter((request) => request.method === 'POST')).toHaveLength(1)
    expect(pulls.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1)
    expect(pulls.requests.every((request) => request.authorized)).toBe(true)

    // The token is in no log line, report, output or pushed file.
    const pushed = await git(origin, ['log', '-p', 'gitlore/assistant-files', '-3'])
    for (const text of [lines.join('\n'), report, outputs, pushed, JSON.stringify(pulls.requests)]) {
      expect(text).not.toContain(token)
    }
  })

  it('proposes nothing when the assistant files are already up to date, and fails on a bad input', async () => {
    const { workspace, origin, temp } = await checkout()
    const env = actionEnv(workspace, temp)
    expect((await runAction({ env, cli, log: () => {} })).changedFiles).toEqual(['AGENTS.md', 'CLAUDE.md'])
    const pushed = (await git(origin, ['rev-parse', 'gitlore/assistant-files'])).trim()
    // The next scheduled run starts from a fresh checkout of main, where the files are still missing.
    await git(workspace, ['checkout', '--quiet', '--force', 'main'])
    await git(workspace, ['clean', '--quiet', '--force', '--', 'CLAUDE.md', 'AGENTS.md'])
    const requests = pulls.requests.length
    const lines: string[] = []
    const again = await runAction({ env, cli, log: (line) => lines.push(line) })
    expect(again).toMatchObject({ exitCode: 0, pullRequest: null, changedFiles: [] })
    expect(lines).toContain('gitlore: the assistant files are up to date; no pull request needed')
    expect((await git(origin, ['rev-parse', 'gitlore/assistant-files'])).trim()).toBe(pushed)
    expect(pulls.requests.length).toBe(requests)
    await expect(runAction({ env: { ...env, INPUT_BRANCH: 'bad..branch' }, cli, log: () => {} })).rejects.toThrow(
      'input branch: "bad..branch" is not a branch name',
    )
  })

  it('runs the organisation roll-up over a repository list, with no pull request', async () => {
    const { workspace, temp } = await checkout()
    const second = (await buildHistoryFixture()).dir
    await mkdir(join(workspace, '.github'), { recursive: true })
    await writeFile(join(workspace, '.github', 'gitlore-repos.txt'), `${second}\n./not-here\n`)
    const env = actionEnv(workspace, temp, {
      INPUT_REPOS: '.github/gitlore-repos.txt',
      GITLORE_MODELS_CLASSIFIER: 'offline',
    })
    const run = await runAction({ env, cli, log: () => {} })
    expect(run.gitloreExitCode).toBe(3)
    expect(run.exitCode).toBe(0)
    expect(run.pullRequest).toBeNull()
    expect(await readFile(join(run.reportDir, 'gitlore-org-report.md'), 'utf8')).toContain('2 repositories, 1 analysed')
  })
})
