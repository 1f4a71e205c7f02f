import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { buildHistoryFixture, git } from '@gitlore/fixtures'

/** The history fixture plus files that probe the tools' limits: huge, binary, symlinks leading out. */
export interface ToolRepository {
  readonly dir: string
  readonly shas: Readonly<Record<string, string>>
  /** A sibling directory whose name starts with the repository's (`<repo>-evil`), holding a secret. */
  readonly evilDir: string
}

const committer = {
  GIT_AUTHOR_NAME: 'Test Bot',
  GIT_AUTHOR_EMAIL: 'bot@example.com',
  GIT_COMMITTER_NAME: 'Test Bot',
  GIT_COMMITTER_EMAIL: 'bot@example.com',
  GIT_AUTHOR_DATE: '2025-03-29T10:00:00Z',
  GIT_COMMITTER_DATE: '2025-03-29T10:00:00Z',
}

/**
 * Builds `buildHistoryFixture()` and commits on top: a 200,000-line file, a file that is one
 * 2 MB line, and symlinks to a sibling `<repo>-evil/secret.txt` and to an absolute path outside.
 */
export async function buildToolRepository(): Promise<ToolRepository> {
  const { dir, shas } = await buildHistoryFixture()
  const evilDir = join(dirname(dir), `${basename(dir)}-evil`)
  await mkdir(evilDir, { recursive: true })
  await writeFile(join(evilDir, 'secret.txt'), 'TOP SECRET\n')
  await writeFile(
    join(dir, 'huge.txt'),
    Array.from({ length: 200_000 }, (_, index) => `row ${index} of the huge file`).join('\n'),
  )
  await writeFile(join(dir, 'one-line.min.js'), `var x=${'1234567890'.repeat(200_000)};\n`)
  await symlink(`../${basename(dir)}-evil/secret.txt`, join(dir, 'sneaky.txt'))
  await symlink(join(evilDir, 'secret.txt'), join(dir, 'absolute-link.txt'))
  await symlink('src/db.ts', join(dir, 'inside-link.ts'))
  await git(dir, ['add', '--', 'huge.txt', 'one-line.min.js', 'sneaky.txt', 'absolute-link.txt', 'inside-link.ts'])
  await git(dir, ['commit', '--quiet', '-m', 'test: add files that probe the tools'], committer)
  await writeFile(join(dir, '.env'), 'API_KEY=do-not-read\n')
  return { dir, shas, evilDir }
}
