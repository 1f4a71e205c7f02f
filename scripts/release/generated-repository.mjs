// A small git repository with a known history, built with plain git commands: the release check
// analyses it with the installed gitlore (the fixture builders are private TypeScript, not shipped).
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const people = [
  { name: 'Alice Archer', email: 'alice@example.com' },
  { name: 'Bob Baker', email: 'bob@example.com' },
  { name: 'Carol Cole', email: 'carol@example.com' },
]

/** Creates `dir` as a repository of `commits` commits a day apart, the last one yesterday, touching files that change together. */
export function buildRepository(dir, commits = 30) {
  mkdirSync(dir, { recursive: true })
  const git = (args, env = {}) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env },
    })
  git(['init', '--quiet', '--initial-branch=main'])
  // Recent dates, so the README examples' `since: '90d'` windows hold the whole history.
  const today = new Date()
  const first = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - commits, 12)
  for (let index = 0; index < commits; index++) {
    const person = people[index % people.length]
    const files = ['src/db.ts', index % 2 === 0 ? 'src/app.ts' : 'src/cache.ts', index % 5 === 0 ? 'README.md' : null]
    for (const file of files.filter((name) => name !== null)) {
      const path = join(dir, file)
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, `// ${file}, revision ${index}\n${'export const value = 1\n'.repeat(index + 1)}`)
      git(['add', file])
    }
    const date = new Date(first + index * 86_400_000).toISOString()
    const subject = index % 4 === 3 ? `fix: repair the db lookup (${index})` : `feat: change ${index}`
    git(['commit', '--quiet', '-m', subject], {
      GIT_AUTHOR_NAME: person.name,
      GIT_AUTHOR_EMAIL: person.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: person.name,
      GIT_COMMITTER_EMAIL: person.email,
      GIT_COMMITTER_DATE: date,
    })
  }
  return dir
}
