import type { RepositoryContext } from '@gitlore/core'
import { repositoryContext } from '@gitlore/fixtures'
import { createModelRegistry } from '@gitlore/llm'
import type { ChatReply, LoopbackModelServer, RecordedRequest } from '@gitlore/llm/test'
import type { LanguageModel } from 'ai'

/** The loopback server's model through the registry, exactly as the CLI builds a `compatible/` model. */
export function loopbackModel(server: LoopbackModelServer): Exclude<LanguageModel, string> {
  const resolved = createModelRegistry({ env: {}, compatible: { baseUrl: server.url } }).languageModel(
    'compatible/scripted',
  )
  if (resolved.kind !== 'remote') throw new Error('expected a remote model')
  return resolved.model
}

/** A scripted reply calling one tool. */
export function toolCall(name: string, args: Record<string, unknown>, reasoning?: string): ChatReply {
  return {
    kind: 'message',
    toolCalls: [{ name, arguments: args }],
    ...(reasoning === undefined ? {} : { reasoning }),
  }
}

/** A scripted reply with text (the answer). */
export function answer(text: string): ChatReply {
  return { kind: 'message', text }
}

/** One evidence item of a scripted finding. */
export interface ScriptedEvidence {
  readonly source: string
  readonly ref?: string
  readonly text?: string
}

/** One finding as the scripted model writes it. */
export interface ScriptedFinding {
  readonly title: string
  readonly category?: string
  readonly severity?: string
  readonly insight?: string
  readonly evidence: readonly ScriptedEvidence[]
  readonly files?: readonly string[]
}

/** The `<findings>` XML a well-behaved model writes. */
export function findingsXml(findings: readonly ScriptedFinding[]): string {
  const items = findings.map((finding) => {
    const evidence = finding.evidence
      .map(
        (item) =>
          `    <evidence source="${item.source}"${item.ref === undefined ? '' : ` ref="${item.ref}"`}>${item.text ?? 'Seen in the data.'}</evidence>`,
      )
      .join('\n')
    const files = (finding.files ?? []).map((file) => `    <file>${file}</file>`).join('\n')
    return [
      `  <finding category="${finding.category ?? 'landmine'}" severity="${finding.severity ?? 'high'}">`,
      `    <title>${finding.title}</title>`,
      `    <insight>${finding.insight ?? 'Callers forget the missing-row case; check the result of every lookup.'}</insight>`,
      evidence,
      files,
      '  </finding>',
    ]
      .filter((line) => line !== '')
      .join('\n')
  })
  return `<findings>\n${items.join('\n')}\n</findings>`
}

/** Tool steps the model has made so far in the conversation the request carries. */
export function toolStepsIn(request: RecordedRequest): number {
  const messages = (request.body as { messages?: { role?: string; tool_calls?: unknown[] }[] }).messages ?? []
  return messages.filter((message) => message.role === 'assistant' && (message.tool_calls?.length ?? 0) > 0).length
}

/** The `tool_choice` the harness sent with a request. */
export function toolChoiceOf(request: RecordedRequest | undefined): unknown {
  return (request?.body as { tool_choice?: unknown } | undefined)?.tool_choice
}

/** The text of the request's last user message. */
export function lastUserMessage(request: RecordedRequest | undefined): string {
  return [...(request?.messages ?? [])].reverse().find((message) => message.role === 'user')?.content ?? ''
}

/** A context with enough history that the agent runs (the agent reads the rest with its tools). */
export const agentContext: RepositoryContext = repositoryContext({
  repo: { path: '/work/demo', head: null, branch: 'main', remote: 'acme/demo' },
  commits: { total: 26, merges: 1, authors: 5 },
  hotspots: [
    {
      path: 'src/db.ts',
      commits: 12,
      added: 60,
      removed: 20,
      churn: 80,
      authors: 4,
      lastChanged: '2025-03-01T10:00:00.000Z',
    },
  ],
  fixAfter: [{ path: 'src/db.ts', fixes: 2, examples: [] }],
})
