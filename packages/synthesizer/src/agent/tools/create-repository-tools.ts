import type { Tool } from 'ai'
import type { ReviewIndex } from '../../review/review-index.js'
import { type BlameInput, blameTool } from './blame-tool.js'
import { type FileHistoryInput, fileHistoryTool } from './file-history-tool.js'
import { type GrepInput, grepTool } from './grep-tool.js'
import { type ListTreeInput, listTreeTool } from './list-tree-tool.js'
import { type ReadFileInput, readFileTool } from './read-file-tool.js'
import type { RepositorySandbox } from './repository-sandbox.js'
import { type ReviewCommentsInput, reviewCommentsTool } from './review-comments-tool.js'
import { type SearchCommitsInput, searchCommitsTool } from './search-commits-tool.js'
import { type ShowCommitInput, showCommitTool } from './show-commit-tool.js'
import { defaultToolLimits, type ToolLimits } from './tool-context.js'

/** Options of `createRepositoryTools`. */
export interface RepositoryToolsOptions {
  /** The sandbox over the repository (`RepositorySandbox.open(dir)`). */
  readonly sandbox: RepositorySandbox
  /** The review data `review_comments` queries. */
  readonly reviews: ReviewIndex
  /** Overrides of `defaultToolLimits`. */
  readonly limits?: Partial<ToolLimits>
  /** Stops running git commands when aborted. */
  readonly signal?: AbortSignal | undefined
}

/**
 * The agent's read-only tools, as an ai SDK tool set. None writes, none reaches the network, none
 * runs a shell: git runs with argument arrays, paths stay inside the repository, results are capped.
 */
export function createRepositoryTools(options: RepositoryToolsOptions): RepositoryTools {
  const context = {
    sandbox: options.sandbox,
    reviews: options.reviews,
    limits: { ...defaultToolLimits, ...options.limits },
    signal: options.signal,
  }
  return {
    list_tree: listTreeTool(context),
    read_file: readFileTool(context),
    grep: grepTool(context),
    file_history: fileHistoryTool(context),
    show_commit: showCommitTool(context),
    blame: blameTool(context),
    search_commits: searchCommitsTool(context),
    review_comments: reviewCommentsTool(context),
  }
}

/** The tool set the agent uses; every tool answers with text. */
export type RepositoryTools = {
  readonly list_tree: Tool<ListTreeInput, string>
  readonly read_file: Tool<ReadFileInput, string>
  readonly grep: Tool<GrepInput, string>
  readonly file_history: Tool<FileHistoryInput, string>
  readonly show_commit: Tool<ShowCommitInput, string>
  readonly blame: Tool<BlameInput, string>
  readonly search_commits: Tool<SearchCommitsInput, string>
  readonly review_comments: Tool<ReviewCommentsInput, string>
}

/** The tools' names. */
export type RepositoryToolName = keyof RepositoryTools
