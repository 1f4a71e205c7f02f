/** Bumped when the texts below change; part of the prompt hash. */
export const harnessMessagesVersion = 1

/** Sent when the model answers before the minimum investigation. */
export function budgetMessage(toolSteps: number, minToolSteps: number): string {
  return (
    `Not yet: you have made ${toolSteps} tool ${toolSteps === 1 ? 'step' : 'steps'}, and the harness requires at least ${minToolSteps} before it accepts findings. ` +
    'Keep investigating: verify the review themes against the code and the history (read_file, file_history, blame, show_commit, search_commits, review_comments), then answer.'
  )
}

/** Sent for the one repair turn when the investigation ended without any answer. */
export function emptyAnswerMessage(stepLimitHit: boolean): string {
  const why = stepLimitHit ? 'You reached the step limit without writing your findings.' : 'Your answer was empty.'
  return `${why} Write your findings now from what you have found, as one <findings> element in the required format and nothing else. No more tool calls.`
}

/** Sent for the one repair turn when the answer held no usable findings or some were invalid. */
export function invalidAnswerMessage(errors: readonly string[]): string {
  const shown = errors.slice(0, 20)
  const more = errors.length > shown.length ? `\n- and ${errors.length - shown.length} more` : ''
  return (
    `Your answer could not be used as it is:\n- ${shown.join('\n- ')}${more}\n` +
    'Send the complete corrected <findings> element again (every finding, not only the corrected ones), in the required format and nothing else. No more tool calls.'
  )
}
