import type { CommandInput } from '../main.js'
import { version } from '../main.js'
import { exitCodes } from '../terminal.js'
import { withKnowledgeBase } from './with-knowledge-base.js'

/**
 * `gitlore mcp`: an MCP server on stdin/stdout answering from the knowledge index until the client
 * closes the connection. stdout carries the protocol only; notes go to stderr.
 */
export async function runMcp({ flags, terminal, signal }: CommandInput): Promise<number> {
  return withKnowledgeBase(flags, terminal, async (opened) => {
    const [{ createKnowledgeMcpServer }, { StdioServerTransport }] = await Promise.all([
      import('../mcp/knowledge-mcp-server.js'),
      import('@modelcontextprotocol/sdk/server/stdio.js'),
    ])
    // Fail now, with a clear line, rather than on the client's first call.
    const status = await opened.knowledge.status()
    terminal.stderr(
      `gitlore mcp: serving the knowledge index of ${opened.root} (${status.counts.files} files, ${status.counts.comments} review comments, ${status.counts.findings} findings)${status.hint === undefined ? '' : `; ${status.hint}`}\n`,
    )
    const server = createKnowledgeMcpServer(opened.knowledge, version())
    const transport = new StdioServerTransport()
    const closed = new Promise<void>((resolve) => {
      transport.onclose = () => resolve()
      process.stdin.once('end', () => resolve())
      signal.addEventListener('abort', () => resolve(), { once: true })
    })
    await server.connect(transport)
    await closed
    await server.close()
    return exitCodes.ok
  })
}
