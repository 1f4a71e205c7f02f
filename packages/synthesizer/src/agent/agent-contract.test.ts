import { rm } from 'node:fs/promises'
import { buildHistoryFixture, type HistoryFixture } from '@gitlore/fixtures'
import { type LoopbackModelServer, startLoopbackModelServer } from '@gitlore/llm/test'
import { afterAll, beforeAll } from 'vitest'
import {
  agentContext,
  answer,
  findingsXml,
  loopbackModel,
  toolCall,
  toolStepsIn,
} from '../__fixtures__/scripted-agent.js'
import { describeSynthesizerContract } from '../__fixtures__/synthesizer-contract.js'
import { createSynthesizer } from '../create-synthesizer.js'

let fixture: HistoryFixture
let server: LoopbackModelServer

/** A stateless scripted model: it investigates until it has made six tool steps, then answers from what it saw. */
beforeAll(async () => {
  fixture = await buildHistoryFixture()
  server = await startLoopbackModelServer()
  const investigation = [
    toolCall('list_tree', { depth: 2 }),
    toolCall('read_file', { path: 'src/db.ts', startLine: 1, endLine: 40 }),
    toolCall('file_history', { path: 'src/db.ts' }),
    toolCall('search_commits', { query: 'revert' }),
    toolCall('show_commit', { commit: fixture.shas.revertCache ?? '' }),
    toolCall('blame', { path: 'src/app.ts', startLine: 1, endLine: 3 }),
  ]
  server.onChat((request) => {
    const next = investigation[toolStepsIn(request)]
    if (next !== undefined) return next
    return answer(
      findingsXml([
        {
          title: 'The query cache was reverted: src/db.ts breaks when cached',
          category: 'fragile_area',
          evidence: [
            { source: 'git', ref: fixture.shas.revertCache ?? '' },
            { source: 'code', ref: 'src/db.ts:1' },
          ],
          files: ['src/db.ts', 'src/cache.ts'],
        },
        {
          title: 'Deploy script hotfixes get reverted',
          category: 'tooling',
          severity: 'medium',
          evidence: [
            { source: 'git', ref: fixture.shas.revertPlain ?? '' },
            { source: 'code', ref: 'scripts/deploy.sh' },
          ],
          files: ['scripts/deploy.sh'],
        },
      ]),
    )
  })
})

afterAll(async () => {
  await server.close()
  await rm(fixture.dir, { recursive: true, force: true })
})

describeSynthesizerContract(
  'agent',
  () =>
    createSynthesizer({
      kind: 'agent',
      model: loopbackModel(server),
      modelName: 'compatible/scripted',
      repositoryDir: fixture.dir,
      maxRetries: 0,
    }),
  agentContext,
)
