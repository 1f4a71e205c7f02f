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
): Promise<{ code: number; result: Checked | null; stderr: string }> {
  const scratch = await mkdtemp(join(tmpdir(), 'gitlore-check-claims-'))
  const findings = join(scratch, 'findings.json')
  const finding = {
    id: 'claim',
    title: 'Claims',
    insight: '',
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
})
