import type { PlanningBrief } from '../queries/planning-brief.js'
import { renderIndexStatus, renderItems, renderWithheld } from './render-items.js'

/** The brief as plain text for a terminal or a markdown file. */
export function renderPlanningBrief(brief: PlanningBrief): string {
  const lines = [
    `Before touching ${brief.files.join(', ')}${brief.task === null ? '' : ` (task: ${brief.task})`}`,
    ...renderIndexStatus(brief.index),
    ...renderItems('What reviewers ask for here', brief.reviews),
    ...renderItems('What tends to break', brief.risks),
    ...renderItems('What usually changes with them', brief.changeTogether),
    ...renderItems('Who to ask', brief.people),
    ...renderItems('Conventions', brief.conventions),
    ...renderItems('Findings', brief.findings),
  ]
  if (brief.unknownFiles.length > 0) {
    lines.push('', `Not in the index (new, or not changed in the window): ${brief.unknownFiles.join(', ')}`)
  }
  lines.push(...renderWithheld(brief.withheld))
  const sections = [brief.reviews, brief.risks, brief.changeTogether, brief.people, brief.findings]
  if (sections.every((section) => section.length === 0)) {
    lines.push(
      '',
      brief.conventions.length === 0
        ? 'Nothing recorded about these files.'
        : 'Nothing recorded about these files beyond the conventions above.',
    )
  }
  return `${lines.join('\n')}\n`
}
