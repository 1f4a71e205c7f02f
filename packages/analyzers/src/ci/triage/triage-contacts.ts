import type { CiStats, Commit, PersonStats, TriageCommit, TriageContact, TriageFix } from '@gitlore/core'
import { isMerge } from '@gitlore/core'
import { authorIdentity } from '../../identity.js'

const shortSha = (sha: string) => sha.slice(0, 7)
// Automation is nobody to contact: GitHub App bots (`name[bot]`) and the usual dependency and release bots.
const automation = /\[bot\]|^(dependabot|renovate|github-actions|greenkeeper|snyk-bot)\b/i

/** The name a test is mentioned by in commit messages: its last segment (`test_parse_empty`, `TestParseEmpty`). */
export function testShortName(test: string): string {
  const last = test.split(/::| > |#/).at(-1) ?? test
  return (last.split('.').at(-1) ?? last).replace(/\[.*\]$/, '').trim()
}

/**
 * Earlier fixes of the same failure: commits before `before` whose message names a failing test, and
 * the commits that turned the branch green after a red period in which the same tests failed.
 */
export function pastFixes(
  commits: readonly Commit[],
  tests: readonly string[],
  stats: CiStats | null,
  before: string | null,
): TriageFix[] {
  const fixes = new Map<string, TriageFix>()
  const names = [...new Set(tests.map(testShortName))].filter((name) => name.length >= 6)
  for (const commit of commits) {
    if (isMerge(commit) || (before !== null && commit.authoredAt >= before)) continue
    const message = `${commit.subject}\n${commit.body}`
    const named = names.find((name) => message.includes(name))
    if (named === undefined) continue
    fixes.set(commit.sha, {
      sha: commit.sha,
      subject: commit.subject,
      author: authorIdentity(commit.author),
      why: `names ${named}`,
    })
  }
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]))
  for (const red of stats?.redCommits ?? []) {
    if (red.greenSha === null || red.greenAt === null || (before !== null && red.greenAt >= before)) continue
    const shared = red.tests.filter((test) => tests.includes(test))
    const fix = bySha.get(red.greenSha)
    if (shared.length === 0 || fix === undefined || fixes.has(fix.sha)) continue
    fixes.set(fix.sha, {
      sha: fix.sha,
      subject: fix.subject,
      author: authorIdentity(fix.author),
      why: `turned ${red.workflow} green after ${shortSha(red.sha)} broke ${shared[0]}`,
    })
  }
  return [...fixes.values()]
}

/**
 * Who to contact, most reasons first: whoever made the commit that turned the branch red, the active
 * owners of the implicated files (most commits in the window), who fixed the same failure before, and
 * who repairs the branch when it is red.
 */
export function triageContacts(options: {
  readonly suspects: readonly TriageCommit[]
  readonly files: readonly string[]
  readonly fixes: readonly TriageFix[]
  readonly commits: readonly Commit[]
  readonly stats: CiStats | null
  readonly people: readonly PersonStats[]
  readonly branch: string | null
  /** A flaky failure is nobody's commit: whoever made the first failing run's commit is not singled out. */
  readonly flaky: boolean
}): TriageContact[] {
  const reasons = new Map<string, string[]>()
  const add = (identity: string, reason: string) => {
    if (automation.test(identity)) return
    const list = reasons.get(identity) ?? []
    if (!list.includes(reason)) list.push(reason)
    reasons.set(identity, list)
  }
  const branch = options.branch ?? 'the branch'
  for (const commit of options.suspects.filter((entry) => entry.turnedRed && !options.flaky)) {
    add(commit.author, `made ${shortSha(commit.sha)} "${commit.subject}", the commit that turned ${branch} red`)
  }
  for (const file of options.files.slice(0, 5)) {
    const counts = new Map<string, number>()
    let total = 0
    for (const commit of options.commits) {
      if (isMerge(commit) || !commit.files.some((entry) => entry.path === file)) continue
      const identity = authorIdentity(commit.author)
      if (automation.test(identity) || automation.test(commit.author.name)) continue
      total++
      counts.set(identity, (counts.get(identity) ?? 0) + 1)
    }
    const owners = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 2)
    for (const [identity, count] of owners) add(identity, `wrote ${count} of ${total} commits to ${file} in the window`)
  }
  for (const fix of options.fixes.slice(0, 5)) add(fix.author, `fixed it before: ${shortSha(fix.sha)} "${fix.subject}"`)
  for (const repairer of options.stats?.repairers.slice(0, 3) ?? []) {
    add(
      repairer.identity,
      `turned ${options.stats?.defaultBranch ?? 'the default branch'} green again ${repairer.repairs === 1 ? 'once' : `${repairer.repairs} times`}`,
    )
  }
  const names = new Map<string, string>()
  for (const commit of options.commits) {
    const identity = authorIdentity(commit.author)
    if (!names.has(identity)) names.set(identity, commit.author.name)
  }
  for (const person of options.people) names.set(person.identity, person.name)
  const order = [...reasons.keys()]
  return [...reasons]
    .sort((a, b) => b[1].length - a[1].length || order.indexOf(a[0]) - order.indexOf(b[0]))
    .slice(0, 8)
    .map(([identity, list]) => ({ identity, name: names.get(identity) ?? identity, reasons: list }))
}
