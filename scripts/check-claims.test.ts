import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { buildPartialCloneFixture, people, RepoBuilder } from '../fixtures/src/index.js'

const script = fileURLToPath(new URL('./check-claims.mjs', import.meta.url))
const copilot = { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com' }

interface Checked {
  readonly summary: { readonly checks: number; readonly false: number }
  readonly failed: readonly { readonly claim: string; readonly detail: string }[]
}

/** Runs the checker on findings with the given evidence texts and refs; its exit code and answer. */
async function checkClaims(
  dir: string,
  evidence: readonly { text: string; ref: string }[],
  context?: unknown,
  claim: { readonly title?: string; readonly insight?: string } = {},
): Promise<{ code: number; result: Checked | null; stderr: string }> {
  const scratch = await mkdtemp(join(tmpdir(), 'gitlore-check-claims-'))
  const findings = join(scratch, 'findings.json')
  const finding = {
    id: 'claim',
    title: claim.title ?? 'Claims',
    insight: claim.insight ?? '',
    files: [],
    evidence: evidence.map((item) => ({ source: 'git', ...item })),
  }
  await writeFile(findings, JSON.stringify({ findings: [finding] }))
  const args = [script, '--repo', dir, '--findings', findings, '--json']
  if (context !== undefined) {
    await writeFile(join(scratch, 'context.json'), JSON.stringify(context))
    args.push('--context', join(scratch, 'context.json'))
  }
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 26 })
    return { code: 0, result: JSON.parse(stdout) as Checked, stderr }
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string }
    const result = failure.stdout.startsWith('{') ? (JSON.parse(failure.stdout) as Checked) : null
    return { code: failure.code, result, stderr: failure.stderr }
  }
}

describe('scripts/check-claims.mjs', () => {
  it('counts a directory as gitlore does: no submodule entries, no bots gitlore knows', async () => {
    const builder = new RepoBuilder()
    const { alice, bob } = people
    builder.commit({ author: alice, date: '2025-01-01T10:00:00Z', message: 'Add a\n', files: { 'lib/a.js': '1\n' } })
    builder.commit({
      author: alice,
      date: '2025-01-02T10:00:00Z',
      message: 'Add the support library\n',
      submodules: { 'lib/support': '1111111111111111111111111111111111111111' },
    })
    builder.commit({ author: bob, date: '2025-01-03T10:00:00Z', message: 'Change a\n', files: { 'lib/a.js': '2\n' } })
    builder.commit({
      author: copilot,
      date: '2025-01-04T10:00:00Z',
      message: 'Change a again\n',
      files: { 'lib/a.js': '3\n' },
    })
    const dir = await builder.build()
    const context = {
      automation: { bots: [{ identity: copilot.email.toLowerCase(), name: copilot.name, commits: 1 }] },
      identities: [],
    }

    const { code, result } = await checkClaims(
      dir,
      [{ text: 'lib/: alice@example.com wrote 50% of 2 commits', ref: 'lib/' }],
      context,
    )

    expect(result?.failed).toEqual([])
    expect(result?.summary.checks).toBe(3)
    expect(code).toBe(0)
  })

  it('checks a repository that lacks a blob, counting that file event 0 lines as gitlore does', async () => {
    const { damaged } = await buildPartialCloneFixture()

    const { code, result, stderr } = await checkClaims(damaged, [
      // small.txt changed in the second commit too, whose big.txt blob is the one missing.
      { text: '3 commits by 2 authors, +4/-1 lines, last changed 2025-03-04', ref: 'small.txt' },
      { text: '2 commits by 1 author, +2/-1 lines, last changed 2025-03-05', ref: 'docs/a.md' },
    ])

    expect(stderr).toBe('')
    expect(result?.failed).toEqual([])
    expect(result?.summary.checks).toBe(4)
    expect(code).toBe(0)
  })

  it('says in one line that a file it was given cannot be read, or a flag is unknown (exit 2)', async () => {
    const run = (args: readonly string[]) =>
      promisify(execFile)(process.execPath, [script, ...args]).catch((error: { code: number; stderr: string }) => error)
    const missing = join(tmpdir(), 'gitlore-check-claims-missing', 'findings.json')
    for (const [args, message] of [
      [['--repo', '.', '--findings', missing], `check-claims: cannot read ${missing}: it does not exist\n`],
      [
        ['--repo', '.', '--findings', missing, '--bogus'],
        expect.stringMatching(/^check-claims: Unknown option '--bogus'; usage: [^\n]*\n$/),
      ],
    ] as const) {
      const failure = await run(args)
      expect(failure).toMatchObject({ code: 2, stderr: message })
    }
  })

  it('counts as reverts of a file only those that undid a commit of the history', async () => {
    const builder = new RepoBuilder()
    const { alice, bob } = people
    const at = (day: number) => `2025-02-${String(day).padStart(2, '0')}T10:00:00Z`
    const tried = builder.commit({ author: alice, date: at(1), message: 'Try a cache\n', files: { 'ci.yml': '1\n' } })
    const dir = await builder.build()
    const triedSha = builder.sha(tried)
    const branchOnly = 'b'.repeat(40)
    // A squash-merged pull request whose body keeps an inner revert of a commit of its own branch.
    const squash = builder.commit({
      author: bob,
      date: at(2),
      message: `Move image to post coalesce (#16749)\n\n* Revert "try"\n\nThis reverts commit ${branchOnly}.\n`,
      files: { 'ci.yml': '2\n' },
    })
    // The same shape, its inner revert undoing a commit of the history.
    const inner = builder.commit({
      author: bob,
      date: at(3),
      message: `Use shrink.bitcast (#17653)\n\n* Revert "Try a cache"\n\nThis reverts commit ${triedSha}.\n`,
      files: { 'ci.yml': '3\n' },
    })
    // GitHub's revert button: the subject says it, whatever commit the body names.
    const button = builder.commit({
      author: alice,
      date: at(4),
      message: `Revert "Skip a test" (#14704)\n\nThis reverts commit ${'c'.repeat(40)}.\n`,
      files: { 'ci.yml': '4\n' },
    })
    await builder.build()
    const [squashSha, innerSha, buttonSha] = [squash, inner, button].map((mark) => builder.sha(mark).slice(0, 7))

    const honest = await checkClaims(
      dir,
      [
        { text: `Reverted in ${buttonSha}: Revert "Skip a test" (#14704)`, ref: builder.sha(button) },
        {
          text: `Reverted in ${innerSha}: Use shrink.bitcast (#17653), undoing ${triedSha.slice(0, 7)}`,
          ref: 'ci.yml',
        },
      ],
      undefined,
      {
        title: 'ci.yml: 2 reverts',
        insight: `In this window ci.yml was reverted twice (${buttonSha} and ${innerSha}).`,
      },
    )
    expect(honest.result?.failed).toEqual([])
    expect(honest.code).toBe(0)

    const inflated = await checkClaims(
      dir,
      [{ text: `Reverted in ${squashSha}: Move image to post coalesce (#16749)`, ref: builder.sha(squash) }],
      undefined,
      {
        title: 'ci.yml: 3 reverts',
        insight: `In this window ci.yml was reverted 3 times (${buttonSha}, ${innerSha} and ${squashSha}).`,
      },
    )
    expect(inflated.result?.failed.map((item) => item.claim)).toEqual([
      'ci.yml: 3 reverts',
      `${squashSha} is a revert that undid a commit of the history`,
      'ci.yml reverted 3 times',
      `${squashSha} reverted ci.yml`,
    ])
    expect(inflated.code).toBe(1)
  })

  it("counts a bot's or release commit as a quick fix or an owner's commit only when the context says automation was included", async () => {
    const builder = new RepoBuilder()
    const { alice } = people
    const renovate = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' }
    const at = (day: number) => `2025-03-${String(day).padStart(2, '0')}T10:00:00Z`
    const touch = (version: number) => ({ 'package.json': `{ "version": "1.0.${version}" }\n` })
    builder.commit({ author: alice, date: at(1), message: 'feat: add the package\n', files: touch(1) })
    const bot = builder.commit({ author: renovate, date: at(2), message: 'fix(deps): update vite\n', files: touch(2) })
    builder.commit({ author: alice, date: at(3), message: 'chore(release): 1.0.3, the bug fix\n', files: touch(3) })
    const pin = builder.commit({ author: alice, date: at(4), message: 'fix: pin the plugin\n', files: touch(4) })
    const dir = await builder.build()
    const short = (mark: string) => builder.sha(mark).slice(0, 7)
    const claim = (fixes: number) => ({
      title: `package.json: ${fixes} quick fix${fixes === 1 ? '' : 'es'}`,
      insight: `In this window package.json took ${fixes} fix commits shortly after other changes to it.`,
    })
    const settings = (includeAutomation: boolean) => ({ settings: { includeAutomation } })

    const honest = await checkClaims(
      dir,
      [{ text: `Fix ${short(pin)} followed ${short(bot)} on package.json`, ref: builder.sha(pin) }],
      settings(false),
      claim(1),
    )
    expect(honest.result?.failed).toEqual([])
    const botCited = await checkClaims(
      dir,
      [{ text: `Fix ${short(bot)} followed ${short(pin)} on package.json`, ref: builder.sha(bot) }],
      settings(false),
      claim(3),
    )
    expect(botCited.result?.failed.map((item) => item.claim)).toEqual([
      'package.json: 3 quick fixes',
      `fix ${short(bot)} followed ${short(pin)} on package.json`,
    ])
    expect(botCited.code).toBe(1)
    // With automation included, ownership counts the bot's and the release commit too.
    const owner = (share: number, commits: number) => ({
      text: `package.json: ${alice.email.toLowerCase()} wrote ${share}% of ${commits} commits`,
      ref: 'package.json',
    })
    const included = await checkClaims(dir, [owner(75, 4)], settings(true), claim(3))
    expect(included.result?.failed).toEqual([])
    expect(included.code).toBe(0)
    const left = await checkClaims(dir, [owner(100, 2)], settings(false), claim(1))
    expect(left.result?.failed).toEqual([])
  })
})
