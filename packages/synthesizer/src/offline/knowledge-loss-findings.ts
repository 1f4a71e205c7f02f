import type { Finding, KnowledgeLossAuthor, RepositoryContext } from '@gitlore/core'
import { count, list, percent, personLabel } from './describe.js'
import { findingId } from './finding-id.js'
import type { OfflineThresholds } from './offline-thresholds.js'
import { reportablePaths } from './reportable-paths.js'

const filesNamed = 3
const dayMilliseconds = 86_400_000

/**
 * Knowledge loss, one finding per inactive author: the files still in the repository whose main
 * author has made no commit for the configured period. Counts come from the context's per-author
 * totals (over the full list); the files named are the busiest of them.
 */
export function knowledgeLossFindings(context: RepositoryContext, thresholds: OfflineThresholds): Finding[] {
  const loss = context.knowledgeLoss
  const reportable = reportablePaths(context)
  const findings: Finding[] = []
  for (const author of loss.authors) {
    if (author.files < thresholds.minLostFiles) continue
    const named = loss.paths
      .filter((entry) => entry.mainAuthor === author.identity && reportable(entry.path))
      .filter((entry) => entry.commits >= thresholds.minOwnedCommits)
      .slice(0, filesNamed)
    if (named.length === 0) continue
    findings.push(authorFinding(context, author, named))
  }
  return findings
}

function authorFinding(
  context: RepositoryContext,
  author: KnowledgeLossAuthor,
  named: RepositoryContext['knowledgeLoss']['paths'],
): Finding {
  const who = personLabel(author.identity, context.people)
  const since = author.lastCommit.slice(0, 10)
  const idleDays = Math.floor(
    (Date.parse(context.knowledgeLoss.asOf) - Date.parse(author.lastCommit)) / dayMilliseconds,
  )
  const examples = named.map(
    (entry) => `${entry.path} (${percent(entry.mainAuthorShare)} of ${count(entry.commits, 'commit')})`,
  )
  return {
    id: findingId('team', 'knowledge-loss', [author.identity]),
    title: `Knowledge loss: ${who}, main author of ${count(author.files, 'file')}, last committed ${since}`,
    category: 'team',
    severity: author.files >= 20 ? 'high' : 'medium',
    insight:
      `${who} is the main author of ${count(author.files, 'file')} still in the repository ` +
      `(${count(author.commits, 'commit')} to them), among them ${list(examples)}, ` +
      `but has made no commit in the ${idleDays} days up to ${context.knowledgeLoss.asOf.slice(0, 10)} ` +
      '(under the identities gitlore could link to them: if they commit under another name or email, add a .mailmap line). ' +
      'Nobody active knows this code as well: before changing it, read its history and tests, and have whoever ' +
      'changes it next write down what they learn.',
    evidence: named.map((entry) => ({
      source: 'git' as const,
      text: `${entry.path}: ${author.identity} wrote ${percent(entry.mainAuthorShare)} of ${count(entry.commits, 'commit')}, last committed ${since}`,
      ref: entry.path,
    })),
    files: named.map((entry) => entry.path),
  }
}
