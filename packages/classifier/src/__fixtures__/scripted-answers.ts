import type { ReviewComment } from '@gitlore/core'
import { labeledReviewComments } from '@gitlore/fixtures'
import { MockLanguageModelV4 } from 'ai/test'
import { offlineRules } from '../offline/offline-rules.js'
import { scoreComment } from '../offline/score-comment.js'

/** A comment as it appears in a classifier prompt. */
export interface PromptComment {
  readonly id: string
  readonly path: string | undefined
  readonly body: string
}

/** The comments of a batch prompt, in order. */
export function commentsInPrompt(prompt: string): PromptComment[] {
  return [...prompt.matchAll(/<comment id="([^"]+)"(?: path="([^"]*)")?>\n([\s\S]*?)\n<\/comment>/g)].map((match) => ({
    id: match[1]!,
    path: match[2],
    body: match[3]!,
  }))
}

/** One `<c>` line per entry. */
export function answerXml(
  entries: readonly { id: string; categories: readonly string[]; confidence?: number }[],
): string {
  const lines = entries.map(
    (entry) =>
      `<c id="${entry.id}" categories="${entry.categories.join(',')}" confidence="${entry.confidence ?? 0.9}"/>`,
  )
  return ['<classifications>', ...lines, '</classifications>'].join('\n')
}

/** A plausible answer for every comment of the prompt (what the offline rules make of it). */
export function oracleAnswer(prompt: string, only?: (comment: PromptComment) => boolean): string {
  return answerXml(
    commentsInPrompt(prompt)
      .filter((comment) => only?.(comment) ?? true)
      .map((comment) => ({ id: comment.id, categories: oracleCategories(comment.body) })),
  )
}

/** The categories the scripted model gives a comment body. */
export function oracleCategories(body: string): readonly string[] {
  const comment = { id: 'x', body, replies: [] } as unknown as ReviewComment
  return scoreComment(comment, offlineRules, 3).categories
}

/** The text of the user message of a mock model call. */
export function userPrompt(options: { prompt: readonly { role: string; content: unknown }[] }): string {
  const user = options.prompt.find((message) => message.role === 'user')
  const parts = Array.isArray(user?.content) ? (user.content as { type: string; text?: string }[]) : []
  return parts.map((part) => part.text ?? '').join('')
}

/** An ai SDK mock model that answers each call with `answer(prompt)`; `doGenerateCalls` records the calls. */
export function scriptedModel(
  answer: (prompt: string, call: number) => string | { text: string; finishReason: 'stop' | 'length' },
): MockLanguageModelV4 {
  let calls = 0
  return new MockLanguageModelV4({
    provider: 'mock',
    modelId: 'scripted',
    doGenerate: async (options) => {
      const reply = answer(userPrompt(options), calls++)
      const { text, finishReason } = typeof reply === 'string' ? { text: reply, finishReason: 'stop' as const } : reply
      return {
        content: text === '' ? [] : [{ type: 'text', text }],
        finishReason: { unified: finishReason, raw: finishReason },
        usage: {
          inputTokens: { total: 100, noCache: 100, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 20, text: 20, reasoning: undefined },
        },
        warnings: [],
      }
    },
  })
}

/** The first `count` labeled review comments as `ReviewComment`s. */
export function sampleComments(count: number): ReviewComment[] {
  return labeledReviewComments()
    .slice(0, count)
    .map((entry) => entry.comment as ReviewComment)
}
