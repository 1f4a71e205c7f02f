#!/usr/bin/env node
// Checks what a gitlore findings.json claims against the repository itself, with plain git:
// every cited commit exists and is reachable from HEAD, every cited path exists at HEAD, and every
// number the checker can tie to a statistic (reverts, quick fixes, commits, shared commits, shares,
// partners) matches what `git log --numstat --no-renames` says over the findings' window.
//
//   node scripts/check-claims.mjs --repo DIR --findings findings.json [--context context.json] [--json]
//
// With --context, identity merges (context.identities) are applied to authors, as docs/context.md
// documents, and its settings.includeAutomation decides whether bot and release commits count as
// fixes and in ownership (by default they do not); otherwise authors are plain lower-cased emails.
// Exit code 0 when nothing is false, 1 when something is. Prints a markdown summary (or the full
// result with --json).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const usage = 'usage: check-claims.mjs --repo DIR --findings findings.json [--context context.json] [--json]'
const { values } = (() => {
  try {
    return parseArgs({
      options: {
        repo: { type: 'string' },
        findings: { type: 'string' },
        context: { type: 'string' },
        json: { type: 'boolean' },
        'fix-window-days': { type: 'string', default: '7' },
        'max-changeset-size': { type: 'string', default: '30' },
      },
    })
  } catch (error) {
    console.error(`check-claims: ${error.message.split('\n')[0]}; ${usage}`)
    process.exit(2)
  }
})()
if (values.repo === undefined || values.findings === undefined) {
  console.error(usage)
  process.exit(2)
}
const dir = values.repo
/** A JSON file the user named, or one line saying why it cannot be read (exit 2). */
const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    console.error(
      `check-claims: cannot read ${path}: ${error.code === 'ENOENT' ? 'it does not exist' : error.message.split('\n')[0]}`,
    )
    process.exit(2)
  }
}
const document = readJson(values.findings)
const context = values.context === undefined ? null : readJson(values.context)
const findings = document.findings ?? document
const window = document.window ?? context?.window ?? {}
const fixWindow = Number(values['fix-window-days']) * 86_400
const maxChangeset = Number(values['max-changeset-size'])

const git = (args, input) =>
  execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd: dir,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
    input,
    stdio: 'pipe',
    // A partial clone's missing objects stay missing: the checker reads, it never fetches.
    env: { ...process.env, GIT_NO_LAZY_FETCH: '1' },
  })

// --- What git says -------------------------------------------------------------------------
const reachable = git(['rev-list', 'HEAD']).split('\n').filter(Boolean).sort()
const headPaths = new Set(git(['ls-tree', '-r', '-z', '--name-only', 'HEAD']).split('\0').filter(Boolean))
const alias = new Map(
  (context?.identities ?? []).flatMap((merge) => merge.aliases.map((entry) => [entry.identity, merge.identity])),
)
// gitlore's list of well-known bots is wider than the name rule below: take the bots it found.
const bots = new Set((context?.automation?.bots ?? []).map((bot) => bot.identity))
const since = window.since === undefined ? -Infinity : Date.parse(window.since) / 1000
const until = window.until === undefined ? Infinity : Date.parse(window.until) / 1000
/** `git log -z` output as commits: the header's fields and the NUL-separated entries after it. */
const commitsOf = (output) =>
  output
    .split('\x1e')
    .filter((chunk) => chunk !== '')
    .map((chunk) => {
      const end = chunk.lastIndexOf('\x1f')
      return { fields: chunk.slice(0, end).split('\x1f'), entries: chunk.slice(end + 1).split('\0') }
    })
/** `--numstat -z` entries as path -> [added, removed] (binary files count 0). */
const lineCounts = (entries) => {
  const lines = new Map()
  for (const line of entries) {
    const match = /^\n?([-\d]+)\t([-\d]+)\t([\s\S]+)$/.exec(line)
    if (match === null) continue
    const known = lines.get(match[3]) ?? [0, 0]
    lines.set(match[3], [known[0] + (Number(match[1]) || 0), known[1] + (Number(match[2]) || 0)])
  }
  return lines
}
const logOptions = ['--no-merges', '--no-renames', '-z']
// The files of every commit from `--raw`, which reads no blob. Submodule (gitlink) entries are left
// out, as gitlore leaves them out (docs/context.md).
const raw = []
for (const { fields, entries } of commitsOf(
  git(['log', ...logOptions, '--raw', '--no-abbrev', '--format=%x1e%H%x1f%at%x1f%aE%x1f%aN%x1f%B%x1f', 'HEAD']),
)) {
  const files = []
  for (let index = 0; index < entries.length; index++) {
    const header = /^\n?:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) \w+$/.exec(entries[index])
    if (header === null) continue
    const path = entries[++index]
    if (header[1] !== '160000' && header[2] !== '160000') files.push({ path, blobs: [header[3], header[4]] })
  }
  raw.push({ fields, files })
}
// Line counts from `--numstat`. In a repository that lacks blobs (a partial clone) git stops at the
// first missing one: then the commits that need none are read in one pass and the others file by
// file, a file whose blob is missing counting 0 lines, as gitlore counts it.
const counted = new Map()
const numstatFormat = '--format=%x1e%H%x1f'
try {
  for (const { fields, entries } of commitsOf(git(['log', ...logOptions, '--numstat', numstatFormat, 'HEAD'])))
    counted.set(fields[0], lineCounts(entries))
} catch (error) {
  if (!/unable to read|missing blob|could not read/i.test(String(error.stderr ?? error.message))) throw error
  const missing = new Set(
    git(['rev-list', '--objects', '--no-object-names', '--missing=print', 'HEAD'])
      .split('\n')
      .filter((line) => line.startsWith('?'))
      .map((line) => line.slice(1)),
  )
  const lacking = (commit) => commit.files.some((file) => file.blobs.some((blob) => missing.has(blob)))
  const whole = raw.filter((commit) => !lacking(commit)).map((commit) => commit.fields[0])
  const output = git(
    ['log', ...logOptions, '--numstat', numstatFormat, '--no-walk=unsorted', '--stdin'],
    whole.join('\n'),
  )
  for (const { fields, entries } of commitsOf(output)) counted.set(fields[0], lineCounts(entries))
  for (const commit of raw.filter(lacking)) {
    const readable = commit.files.filter((file) => !file.blobs.some((blob) => missing.has(blob)))
    const lines =
      readable.length === 0
        ? new Map()
        : lineCounts(
            git([
              '--literal-pathspecs',
              'diff-tree',
              '--no-renames',
              '-z',
              '-r',
              '--root',
              '--numstat',
              '--no-commit-id',
              commit.fields[0],
              '--',
              ...new Set(readable.map((file) => file.path)),
            ]).split('\0'),
          )
    for (const file of commit.files) if (!lines.has(file.path)) lines.set(file.path, [0, 0])
    counted.set(commit.fields[0], lines)
  }
}
const log = []
for (const { fields, files } of raw) {
  const [sha, seconds, email, name, message] = fields
  const time = Number(seconds)
  if (time < since || time > until) continue
  const numbers = counted.get(sha) ?? new Map()
  const lines = new Map(files.map((file) => [file.path, numbers.get(file.path) ?? [0, 0]]))
  const paths = [...lines.keys()]
  const who = email.toLowerCase()
  const subject = message.split('\n')[0]
  log.push({ sha, time, email: who, who: alias.get(who) ?? who, name, message, subject, paths, lines })
}
const bySha = new Map(log.map((entry) => [entry.sha, entry]))
const touching = new Map()
for (const entry of log) for (const path of entry.paths) touching.set(path, [...(touching.get(path) ?? []), entry])
/** The hex a revert's message names after `This reverts commit`, as written, or undefined. */
const revertedName = (entry) => /This reverts commit ([0-9a-fA-F]+)/.exec(entry.message)?.[1]
// A revert that undid something in the analysed history (docs/context.md): its subject starts with
// `Revert "`, or the commit its message names (at least four hex digits) is exactly one commit
// reachable from HEAD. A squash-merged pull request whose body keeps an inner "This reverts commit X"
// for a commit of its own branch is neither: it touched its files, it reverted nothing there.
const undidHistory = (entry) => {
  if (entry.subject.startsWith('Revert "')) return true
  const named = revertedName(entry)
  return named !== undefined && named.length >= 4 && resolve(named) !== null
}
const reverts = (path) => (touching.get(path) ?? []).filter(undidHistory).length
/** "once", "twice", "7 times" as a number. */
const timesOf = (text) => (text === 'once' ? 1 : text === 'twice' ? 2 : number(text.replace(/ times$/, '')))
const fixSubject = (entry) => /\b(fix|fixes|fixed|hotfix|bug)\b/i.test(entry.subject)
const isAutomation = (entry) =>
  bots.has(entry.email) ||
  /\[bot\]$|[-_ ]bot$/i.test(entry.name) ||
  /^version packages\b/i.test(entry.subject) ||
  /^(->\s*)?v?\d+\.\d+\.\d+\S*$/i.test(entry.subject) ||
  /^(chore|build)\(release\)!?:/i.test(entry.subject) ||
  /^(chore|build|release)(\([^)]*\))?!?:\s*(release|publish|bump (the )?version|version)\b/i.test(entry.subject) ||
  /^release:?\s+v?\d+\.\d+/i.test(entry.subject) ||
  /^bump ((alpha|beta|rc|next|canary|patch|minor|major|the|package) )?version\b/i.test(entry.subject)
// As docs/context.md defines fixAfter: a bot's or release fix is no fix unless automation was
// included (context.settings.includeAutomation); the change a fix followed may be anything.
const includeAutomation = context?.settings?.includeAutomation === true
const isFix = (entry) => fixSubject(entry) && (includeAutomation || !isAutomation(entry))
/** The checker's own reading of docs/context.md's generated-path rules, for directory counts. */
const generatedPath = (path) =>
  /(^|\/)(vendor|node_modules|third[-_]?party|__generated__|generated|autogen|dist|__snapshots__|_expected)\//i.test(
    path,
  ) ||
  /(^|\/)(package-lock\.json|pnpm-lock\.yaml|yarn\.lock|cargo\.lock|go\.sum|poetry\.lock|uv\.lock)$/i.test(path) ||
  /\.min\.(js|css)$/i.test(path) ||
  /(^|\/)(tests?|__tests__|samples|fixtures)\/(.*\/)?_?expected[^/]*$/i.test(path)
const quickFixes = (path) =>
  (touching.get(path) ?? []).filter(
    (fix) =>
      isFix(fix) &&
      (touching.get(path) ?? []).some(
        (other) => other !== fix && other.time >= fix.time - fixWindow && other.time < fix.time,
      ),
  ).length
const small = log.filter((entry) => entry.paths.length <= maxChangeset)
const shared = (a, b) => small.filter((entry) => entry.paths.includes(a) && entry.paths.includes(b)).length
const partners = (path) => {
  const counts = new Map()
  for (const entry of small) {
    if (!entry.paths.includes(path)) continue
    for (const other of entry.paths) if (other !== path) counts.set(other, (counts.get(other) ?? 0) + 1)
  }
  return counts
}
const resolve = (prefix) => {
  const key = prefix.toLowerCase()
  let low = 0
  let high = reachable.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (reachable[middle] < key) low = middle + 1
    else high = middle
  }
  const found = reachable[low]
  if (found === undefined || !found.startsWith(key)) return null
  return reachable[low + 1]?.startsWith(key) ? null : found
}
const atHead = (path) =>
  path.endsWith('/') ? [...headPaths].some((file) => file.startsWith(path)) : headPaths.has(path)

// --- The claims ------------------------------------------------------------------------------
const checks = []
const check = (finding, claim, ok, detail = '') => checks.push({ finding: finding.id, claim, ok, detail })
const shaPattern = /\b[0-9a-f]{7,40}\b/g
const number = (text) => Number(text.replace(/,/g, ''))
const percent = (part, whole) => `${Math.round((part / whole) * 100)}%`
let untied = 0

for (const finding of findings) {
  const texts = [finding.title, finding.insight, ...finding.evidence.map((item) => item.text)]
  // Commits: every sha-like token and every sha ref must name one commit reachable from HEAD.
  const shas = new Set([
    ...texts.flatMap((text) => text.match(shaPattern) ?? []),
    ...finding.evidence.map((item) => item.ref).filter((ref) => ref !== undefined && /^[0-9a-f]{7,40}$/.test(ref)),
  ])
  for (const sha of shas) {
    if (/^\d+$/.test(sha)) continue
    check(finding, `commit ${sha}`, resolve(sha) !== null, resolve(sha) === null ? 'not in the history of HEAD' : '')
  }
  // Paths: files[] and path refs must exist at HEAD.
  const paths = new Set([
    ...finding.files,
    ...finding.evidence
      .map((item) => item.ref)
      .filter((ref) => ref !== undefined && !/^https?:/.test(ref) && !/^[0-9a-f]{7,40}$/.test(ref))
      .map((ref) => ref.replace(/:\d+$/, '')),
  ])
  for (const path of paths) check(finding, `path ${path}`, atHead(path), atHead(path) ? '' : 'not at HEAD')

  const all = texts.join('\n')
  // Findings leave generated files, bots and merged-away identities out.
  for (const path of finding.files) if (generatedPath(path)) check(finding, `generated file named: ${path}`, false)
  const bot = /\S*\[bot\]\S*/.exec(all)
  if (bot !== null) check(finding, `bot named: ${bot[0]}`, false)
  for (const identity of alias.keys())
    if (all.includes(identity)) check(finding, `merged identity named apart: ${identity}`, false)
  let tied = 0
  const tie = (count = 1) => {
    tied += count
  }
  // "<path>: 3 reverts, 5 quick fixes, 120 commits"
  const fragile = /^(\S+): ((?:[\d,]+ (?:reverts?|quick fix(?:es)?|commits?)(?:, )?)+)$/.exec(finding.title)
  if (fragile !== null) {
    const path = fragile[1]
    const entries = touching.get(path) ?? []
    for (const [, value, what] of fragile[2].matchAll(/([\d,]+) (revert|quick fix|commit)/g)) {
      const actual = what === 'revert' ? reverts(path) : what === 'quick fix' ? quickFixes(path) : entries.length
      check(
        finding,
        `${path}: ${value} ${what === 'quick fix' ? 'quick fixes' : `${what}s`}`,
        number(value) === actual,
        `git: ${actual}`,
      )
      tie()
    }
  }
  for (const [, revert, subject, undone] of all.matchAll(
    /Reverted in ([0-9a-f]{7,40}): (.*?)(?:, undoing ([0-9a-f]{7,40}))?$/gm,
  )) {
    const entry = bySha.get(resolve(revert) ?? '')
    check(
      finding,
      `${revert} is a revert that undid a commit of the history`,
      entry !== undefined && undidHistory(entry),
      subject,
    )
    if (undone !== undefined) {
      const target = resolve(undone)
      const named = entry !== undefined && revertedName(entry)
      check(
        finding,
        `${revert} undid ${undone}`,
        target !== null && typeof named === 'string' && target.startsWith(named.toLowerCase()),
        `message names ${named}`,
      )
    }
  }
  // "<path> was reverted 3 times (a, b and c)": each listed commit undid something and touched the path.
  for (const [, path, count, listed] of all.matchAll(/(\S+) was reverted (once|twice|[\d,]+ times) \(([^)]*)\)/g)) {
    const named = listed.split(/, | and /)
    check(finding, `${path} reverted ${count}`, timesOf(count) === reverts(path), `git: ${reverts(path)}`)
    check(finding, `${path}: ${named.length} reverts listed`, named.length === timesOf(count), listed)
    for (const revert of named) {
      const entry = bySha.get(resolve(revert) ?? '')
      check(
        finding,
        `${revert} reverted ${path}`,
        entry !== undefined && undidHistory(entry) && entry.paths.includes(path),
        entry === undefined ? 'not in the window' : entry.subject,
      )
    }
    tie()
  }
  // "4 files changed together and were reverted twice (a and b)": each listed commit undid something.
  for (const [, count, listed] of all.matchAll(/were reverted (once|twice|[\d,]+ times) \(([^)]*)\)/g)) {
    const named = listed.split(/, | and /)
    check(finding, `${named.length} reverts listed`, named.length === timesOf(count), listed)
    for (const revert of named) {
      const entry = bySha.get(resolve(revert) ?? '')
      check(
        finding,
        `${revert} is a revert that undid a commit of the history`,
        entry !== undefined && undidHistory(entry),
      )
    }
    tie()
  }
  // Review-theme evidence: "<path>: fixed shortly after a change 3 times and reverted twice in the window"
  for (const [, path, count] of all.matchAll(
    /^(\S+): (?:.* and )?reverted (once|twice|[\d,]+ times) in the window/gm,
  )) {
    check(finding, `${path} reverted ${count}`, timesOf(count) === reverts(path), `git: ${reverts(path)}`)
    tie()
  }
  for (const [, fix, before, path] of all.matchAll(/Fix ([0-9a-f]{7,40}) followed ([0-9a-f]{7,40}) on (\S+)/g)) {
    const a = bySha.get(resolve(fix) ?? '')
    const b = bySha.get(resolve(before) ?? '')
    const ok =
      a !== undefined &&
      b !== undefined &&
      isFix(a) &&
      a.paths.includes(path) &&
      b.paths.includes(path) &&
      b.time >= a.time - fixWindow &&
      b.time < a.time
    check(finding, `fix ${fix} followed ${before} on ${path}`, ok)
    tie()
  }
  for (const [, a, b, value] of all.matchAll(/(\S+) and (\S+) changed together in ([\d,]+) commits?/g)) {
    check(finding, `${a} + ${b}: ${value} shared`, shared(a, b) === number(value), `git: ${shared(a, b)}`)
    tie()
  }
  for (const [, a, b, value] of all.matchAll(/^(\S+) \+ (\S+): ([\d,]+) shared commits?/gm)) {
    check(finding, `${a} + ${b}: ${value} shared`, shared(a, b) === number(value), `git: ${shared(a, b)}`)
    tie()
  }
  const hub = /^(\S+) is a coupling hub \(([\d,]+) partners?\)/.exec(finding.title)
  if (hub !== null) {
    const counts = partners(hub[1])
    const raw = [...counts.values()].filter((value) => value >= 3).length
    // gitlore leaves generated partners out, so the claim may be below the raw count, never above.
    check(finding, `${hub[1]}: ${hub[2]} partners`, number(hub[2]) <= raw, `git (generated files included): ${raw}`)
    tie()
    for (const [, path, value] of finding.insight.matchAll(/(\S+) \(([\d,]+) shared commits?\)/g)) {
      check(
        finding,
        `${hub[1]} + ${path}: ${value}`,
        (counts.get(path) ?? 0) === number(value),
        `git: ${counts.get(path) ?? 0}`,
      )
      tie()
    }
  }
  // Ownership and knowledge-loss evidence: "<path>: <who> wrote 80% of 12 commits"
  for (const [, path, who, share, value] of all.matchAll(/^(\S+): (\S+) wrote (\d+)% of ([\d,]+) commits?/gm)) {
    const counted = log.filter(
      (entry) =>
        (includeAutomation || !isAutomation(entry)) &&
        (path.endsWith('/')
          ? entry.paths.some((p) => p.startsWith(path) && !generatedPath(p))
          : entry.paths.includes(path)),
    )
    const theirs = counted.filter((entry) => entry.who === who).length
    check(
      finding,
      `${path}: ${value} commits`,
      counted.length === number(value),
      `git${includeAutomation ? '' : ' (automation left out)'}: ${counted.length}`,
    )
    check(
      finding,
      `${path}: ${who} ${share}%`,
      percent(theirs, counted.length) === `${share}%`,
      `git: ${percent(theirs, counted.length)}`,
    )
    tie(2)
  }
  // Hotspot evidence: "12 commits by 3 authors, +120/-40 lines, last changed 2025-01-02", ref = the path.
  for (const item of finding.evidence) {
    const hot = /^([\d,]+) commits? by ([\d,]+) authors?, \+([\d,]+)\/-([\d,]+) lines/.exec(item.text)
    if (hot === null || item.ref === undefined) continue
    const entries = touching.get(item.ref) ?? []
    const added = entries.reduce((sum, entry) => sum + entry.lines.get(item.ref)[0], 0)
    const removed = entries.reduce((sum, entry) => sum + entry.lines.get(item.ref)[1], 0)
    const authors = new Set(entries.map((entry) => entry.who)).size
    const claimed = [hot[1], hot[2], hot[3], hot[4]].map(number).join(' ')
    const actual = [entries.length, authors, added, removed].join(' ')
    check(finding, `${item.ref}: commits, authors, +/- lines ${claimed}`, claimed === actual, `git: ${actual}`)
    tie(4)
  }
  for (const [, value, path] of all.matchAll(/([\d,]+) fix commits? to (\S+) came shortly after/g)) {
    check(finding, `${path}: ${value} quick fixes`, quickFixes(path) === number(value), `git: ${quickFixes(path)}`)
    tie()
  }
  const people = /wrote ([\d,]+) of the ([\d,]+) non-merge commits/.exec(finding.insight)
  if (people !== null) {
    check(finding, `${people[2]} non-merge commits`, log.length === number(people[2]), `git: ${log.length}`)
    tie()
  }
  const subjects = /(\d+)% of ([\d,]+) commit subjects/.exec(all)
  if (subjects !== null) {
    check(finding, `${subjects[2]} subjects`, log.length === number(subjects[2]), `git: ${log.length}`)
    tie()
  }
  // Numbers left: leave out dates, and digits inside paths, shas and PR references.
  const prose = all
    .replace(/\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?/g, '')
    .replace(/\S*[/.]\w\S*/g, '')
    .replace(/#\d+/g, '')
    .replace(shaPattern, '')
  for (const value of prose.match(/\b\d[\d,]*\b/g) ?? []) if (value !== '') untied++
  untied -= Math.min(tied, untied)
}

const failed = checks.filter((item) => !item.ok)
const summary = {
  findings: findings.length,
  checks: checks.length,
  false: failed.length,
  commitsChecked: checks.filter((item) => item.claim.startsWith('commit ')).length,
  pathsChecked: checks.filter((item) => item.claim.startsWith('path ')).length,
  numbersChecked: checks.filter((item) => !/^(commit|path) /.test(item.claim)).length,
  numbersNotTied: untied,
}
if (values.json) console.log(JSON.stringify({ summary, failed, checks }, null, 2))
else {
  console.log('| findings | checks | false | commits checked | paths checked | numbers checked | numbers not tied |')
  console.log('| --- | --- | --- | --- | --- | --- | --- |')
  console.log(
    `| ${summary.findings} | ${summary.checks} | ${summary.false} | ${summary.commitsChecked} | ${summary.pathsChecked} | ${summary.numbersChecked} | ${summary.numbersNotTied} |`,
  )
  for (const item of failed.slice(0, 40))
    console.log(`- FALSE ${item.claim}${item.detail ? ` (${item.detail})` : ''} [${item.finding}]`)
}
process.exit(failed.length > 0 ? 1 : 0)
