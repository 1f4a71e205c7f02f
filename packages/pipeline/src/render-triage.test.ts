import { buildTriageBrief } from '@gitlore/analyzers'
import { runnerOutput } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { renderTriageMarkdown } from './render-triage.js'

const log = runnerOutput.pytest(['tests/test_api.py::test_get']).join('\n')

describe('the triage brief of a pasted log without CI history', () => {
  it('says the commit under test is outside the analysed history instead of announcing a list that is empty', () => {
    const brief = buildTriageBrief({
      run: null,
      logText: log,
      runs: [],
      stats: null,
      commits: [],
      head: 'a'.repeat(40),
    })
    const markdown = renderTriageMarkdown(brief)
    expect(markdown).toContain(
      'No CI history to compare with, and the commit under test is not in the analysed history.',
    )
    expect(markdown).not.toContain('the commit under test:')
    expect(markdown).toContain('`tests/test_api.py::test_get` (pytest)')
  })
})
