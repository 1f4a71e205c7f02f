import type { ZodType } from 'zod'
import type { RepositoryToolName, RepositoryTools } from '../agent/tools/create-repository-tools.js'

/** Calls a tool the way the ai SDK does: input parsed by its schema, then executed. */
export async function callTool(
  tools: RepositoryTools,
  name: RepositoryToolName,
  input: Record<string, unknown>,
): Promise<string> {
  const tool = tools[name] as unknown as {
    inputSchema: ZodType
    execute: (input: unknown, options: unknown) => Promise<string>
  }
  return tool.execute(tool.inputSchema.parse(input), { toolCallId: 'test', messages: [], context: undefined })
}
