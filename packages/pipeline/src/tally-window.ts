import type { HistoryTally, StoredTally, TallyOptions } from '@gitlore/analyzers'
import type { GitHistory, ResultStore } from '@gitlore/core'
import { sha256, stableHash } from '@gitlore/core'
import type { HistoryPlan } from '@gitlore/extractors'

/** A window's tally as the cache keeps it. */
interface StoredWindow {
  readonly tally: StoredTally
  readonly skippedSubmoduleEntries: number
}

/** Which stored window the next run may build on: its key and how many commits it holds. */
interface LatestWindow {
  readonly key: string
  readonly commits: number
}

/** Options of `tallyWindow`. */
export interface TallyWindowOptions {
  readonly plan: HistoryPlan
  /** Where tallies are kept between runs; none: every commit is read and tallied. */
  readonly store: ResultStore | undefined
  readonly options: TallyOptions
  /** Reads every commit of the window (shared with other stages, so it happens at most once). */
  readonly readHistory: () => Promise<GitHistory>
}

/** The window's tally, its history warnings, and whether every object was there (only then is it stored). */
export interface TalliedWindow {
  readonly tally: HistoryTally
  readonly warnings: readonly string[]
  readonly complete: boolean
  /** How it was made: from the store as it was, by adding commits to a stored window, or from every commit. */
  readonly source: 'stored' | 'updated' | 'read'
}

/**
 * The tally of the plan's window, made with as little work as the cache allows: the stored tally of
 * the same commits; else the latest stored window, when the plan's window is those commits with new
 * ones on top (the window's start has moved past none of them), updated with the new commits only;
 * else every commit read and tallied. A complete tally is stored for the next run.
 */
export async function tallyWindow({ plan, store, options, readHistory }: TallyWindowOptions): Promise<TalliedWindow> {
  const { HistoryTally, historyTallyVersion, loadTally, storeTally } = await import('@gitlore/analyzers')
  const { historyWarnings } = await import('@gitlore/extractors')
  // What a tally depends on besides its commits: .mailmap, replace refs and the tallying options.
  const settings = stableHash({
    version: historyTallyVersion,
    mailmap: sha256(plan.mailmap ?? ''),
    replacements: sha256(plan.replacements.join('\n')),
    maxChangesetSize: options.maxChangesetSize ?? null,
    extraBots: options.extraBots ?? [],
  })
  const keyOf = (shas: readonly string[]) => stableHash({ settings, commits: sha256(shas.join('\n')) })
  const key = keyOf(plan.shas)
  const load = async (stored: string) => {
    const found = (await store?.getResult('history-tally', stored)) as StoredWindow | null | undefined
    const tally = found === null || found === undefined ? null : loadTally(found.tally)
    return tally === null ? null : { tally, skippedSubmoduleEntries: (found as StoredWindow).skippedSubmoduleEntries }
  }
  const warnings = (skippedSubmoduleEntries: number, missingObjectWarnings: readonly string[]) =>
    historyWarnings({ shallowBoundary: plan.shallowBoundary, skippedSubmoduleEntries, missingObjectWarnings })
  const save = async (tally: HistoryTally, skippedSubmoduleEntries: number) => {
    const stored: StoredWindow = { tally: storeTally(tally), skippedSubmoduleEntries }
    await store?.putResult('history-tally', key, stored)
    await store?.putResult('history-tally-latest', settings, { key, commits: plan.shas.length } satisfies LatestWindow)
  }

  const exact = await load(key)
  if (exact !== null) {
    return {
      tally: exact.tally,
      warnings: warnings(exact.skippedSubmoduleEntries, []),
      complete: true,
      source: 'stored',
    }
  }
  const latest = (await store?.getResult('history-tally-latest', settings)) as LatestWindow | null | undefined
  const added = plan.shas.length - (latest?.commits ?? plan.shas.length)
  if (latest !== null && latest !== undefined && added > 0 && keyOf(plan.shas.slice(added)) === latest.key) {
    const base = await load(latest.key)
    if (base !== null) {
      const part = await plan.readPart(plan.shas.slice(0, added))
      base.tally.addOldestFirst([...part.commits].reverse())
      const skipped = base.skippedSubmoduleEntries + part.skippedSubmoduleEntries
      const complete = part.missingObjectWarnings.length === 0
      if (complete) await save(base.tally, skipped)
      return { tally: base.tally, warnings: warnings(skipped, part.missingObjectWarnings), complete, source: 'updated' }
    }
  }
  const history = await readHistory()
  const tally = HistoryTally.of(history.commits, options)
  const complete = history.incomplete !== true
  if (complete) await save(tally, history.skippedSubmoduleEntries)
  return { tally, warnings: history.warnings, complete, source: 'read' }
}
