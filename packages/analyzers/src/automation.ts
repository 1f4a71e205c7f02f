import { knownBotLogins, type Person } from '@gitlore/core'
import { noreplyLogin } from './github-login-identities.js'

const botSuffix = /\[bot\]$/i
const botLikeName = /(?:^|[-_ ])(?:ro)?bot$/i

/** Lower-cased names, logins and emails to treat as bots, with any `[bot]` suffix removed. */
export function botNames(extraBots: readonly string[] = []): ReadonlySet<string> {
  return new Set([...knownBotLogins, ...extraBots].map((name) => name.trim().replace(botSuffix, '').toLowerCase()))
}

/**
 * Whether a commit author is a bot account: a name or GitHub noreply login ending in `[bot]` or in
 * `-bot`/`_bot`/` bot`, or a name, login or email in `bots` (gitlore's list of well-known bots plus
 * `[github] extra_bots`), compared case-insensitively.
 */
export function isBotAuthor(author: Person, bots: ReadonlySet<string>): boolean {
  const login = noreplyLogin(author.email.toLowerCase())
  for (const name of login === null ? [author.name.trim()] : [author.name.trim(), login]) {
    if (botSuffix.test(name) || botLikeName.test(name)) return true
    if (bots.has(name.replace(botSuffix, '').toLowerCase())) return true
  }
  return bots.has(author.email.toLowerCase())
}

const releaseSubjects = [
  // changesets' release pull request, "Version Packages" or "Version Packages (next)"
  /^version packages\b/i,
  // npm version / release-it style subjects: "1.2.3", "v1.2.3-next.1", "-> v1.2.3"
  /^(?:->\s*)?v?\d+\.\d+\.\d+(?:[-+][\w.]+)?(?:\s*\(#\d+\))?\s*$/i,
  // "chore: release v2", "build: bump version"
  /^(?:chore|build|release)(?:\([^)]*\))?!?:\s*(?:release|publish|bump (?:the )?version|version)\b/i,
  // "chore(release): 1.2.3", as release tools write it
  /^(?:chore|build)\(release\)!?:/i,
  // "Release 1.2.3", "release v2.0.0"
  /^release:?\s+v?\d+\.\d+/i,
  // "bump version", "bump beta version", "Bump version to 0.10.0"
  /^bump (?:(?:alpha|beta|rc|next|canary|patch|minor|major|the|package) )?version\b/i,
]

/** Whether a commit subject is a release commit: a version bump made to publish, not a change of code. */
export function isReleaseSubject(subject: string): boolean {
  const line = subject.trim()
  return releaseSubjects.some((pattern) => pattern.test(line))
}
