import type { RepoGuidance } from '../queries/repo-guidance.js'
import { renderIndexStatus, renderItems, renderWithheld } from './render-items.js'

/** Guidance as plain text. */
export function renderGuidance(guidance: RepoGuidance): string {
  const lines = [
    guidance.topic === null ? 'What to know in this repository' : `What to know about "${guidance.topic}"`,
    ...renderIndexStatus(guidance.index),
  ]
  if (guidance.themes.length > 0) {
    lines.push('', 'What reviewers repeatedly ask for')
    for (const theme of guidance.themes) {
      const categories = theme.categories.length === 0 ? '' : `; ${theme.categories.join(', ')}`
      lines.push(
        `- ${theme.label} (${theme.size} comments in ${theme.pullRequests} PRs, ${Math.round(theme.resolvedShare * 100)}% resolved${categories})`,
      )
      if (theme.files.length > 0) lines.push(`  files: ${theme.files.join(', ')}`)
      for (const quote of theme.quotes) lines.push(`  > ${quote.quote}`, `    ${quote.url}`)
    }
  }
  lines.push(...renderItems('Findings', guidance.findings))
  lines.push(...renderItems('Conventions', guidance.conventions))
  lines.push(...renderItems('Who knows which area', guidance.people))
  if (guidance.comments.length > 0) {
    lines.push('', 'Review comments')
    for (const comment of guidance.comments) {
      lines.push(
        `- ${comment.author} on #${comment.prNumber}${comment.path === null ? '' : ` (${comment.path})`}: ${comment.quote}`,
      )
      lines.push(`  ${comment.url} (${comment.createdAt.slice(0, 10)})`)
    }
  }
  if (lines.length <= 3) {
    lines.push('', guidance.topic === null ? 'Nothing recorded in this window.' : 'Nothing recorded on this topic.')
  }
  lines.push(...renderWithheld(guidance.withheld))
  return `${lines.join('\n')}\n`
}
