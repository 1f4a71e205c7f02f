import type { CiRun, GitHistory } from '@gitlore/core'
import { createCiExtractor, extractGitHistory } from '@gitlore/extractors'
import { buildCiScenario, type CiScenario, startActionsServer } from '@gitlore/fixtures'

/** The CI scenario's repository, its Actions history as the extractor reads it from a loopback server, and its git history. */
export async function loadCiScenario(): Promise<{ scenario: CiScenario; runs: readonly CiRun[]; history: GitHistory }> {
  const scenario = await buildCiScenario()
  const token = 'ghp_ciScenarioTest'
  const server = await startActionsServer({ world: scenario.world, token })
  try {
    const window = { since: scenario.since, until: scenario.until }
    const data = await createCiExtractor({ token, baseUrl: server.url, owner: 'octo', repo: 'scenario' }).fetch(window)
    return { scenario, runs: data.runs, history: await extractGitHistory({ dir: scenario.dir, ...window }) }
  } finally {
    await server.close()
  }
}
