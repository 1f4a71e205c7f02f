import { knownBotLogins } from '@gitlore/core'
import type { FetchedAuthor } from '../fetched-records.js'

export { knownBotLogins }

/** Why an author counts as a bot. */
export type BotAuthorReason = 'bot_account' | 'bot_login' | 'bot_list'

const suffix = /\[bot\]$/i
const botLikeLogin = /(?:^|[-_])(?:ro)?bot$/i

/** Whether `author` is a bot, and by which rule; null for a person. */
export function botAuthorReason(author: FetchedAuthor, botLogins: ReadonlySet<string>): BotAuthorReason | null {
  if (author.type === 'Bot') return 'bot_account'
  if (suffix.test(author.login) || botLikeLogin.test(author.login)) return 'bot_login'
  return botLogins.has(author.login.replace(suffix, '').toLowerCase()) ? 'bot_list' : null
}

/** The built-in list plus `extraBots`, lower-cased and without `[bot]`, for `botAuthorReason`. */
export function botLoginSet(extraBots: readonly string[] = []): ReadonlySet<string> {
  return new Set([...knownBotLogins, ...extraBots].map((login) => login.trim().replace(suffix, '').toLowerCase()))
}

/** A login as people read it: a bot account gets the `[bot]` suffix REST shows (GraphQL leaves it off). */
export function displayLogin(author: FetchedAuthor): string {
  return author.type === 'Bot' && !suffix.test(author.login) ? `${author.login}[bot]` : author.login
}
