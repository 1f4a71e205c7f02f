import type { HistoryTally, StoredTally, TallyOptions } from '@gitlore/analyzers'
import type { GitHistory, ResultStore } from '@gitlore/core'
import { sha256, stableHash } from '@gitlore/core'
import type { HistoryPlan } from '@gitlore/extractors'

/**
 * A window as the cache keeps it: a whole tally, or a stored whole tally (`base`) and the commits
 * added on top of it since (newest first), so a run that adds a commit stores a few shas instead
 * of the whole tally again.
 */
type StoredWindow =
  | { readonly tally: StoredTally; readonly skippedSubmoduleEntries: number }
  | { readonly base: string; readonly added: readonly string[]; readonly skippedSubmoduleEntries: number }

/** A stored window the next run may build on: its key and how many commits it holds. */
interface KnownWindow {
  readonly key: string
  readonly commits: number
}

/** Stored windows remembered as bases for later runs, newest first. */
const remembered = 4
/** Commits a window may hold on top of its stored tally before the whole tally is stored again. */
const maxAdded = 64

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

interface LoadedWindow {
  readonly tally: HistoryTally
  readonly skippedSubmoduleEntries: number
  /** The whole tally it is built on, and the commits added to it (newest first). */
  readonly base: string
  readonly added: readonly string[]
  readonly missingObjectWarnings: readonly string[]
}

/**
 * The tally of the plan's window, made with as little work as the cache allows: the stored tally of
 * the same commits; else the largest of the last few stored windows that the plan's window is with
 * new commits on top (the window's start has moved past none of them), updated with the new commits
 * only; else every commit read and tallied. A complete window is stored for the next run.
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
  const warnings = (skippedSubmoduleEntries: number, missingObjectWarnings: readonly string[]) =>
    historyWarnings({ shallowBoundary: plan.shallowBoundary, skippedSubmoduleEntries, missingObjectWarnings })

  /** A stored window, with the commits added on top of its whole tally read and added again. */
  const load = async (stored: string): Promise<LoadedWindow | null> => {
    const found = (await store?.getResult('history-tally', stored)) as StoredWindow | null | undefined
    if (found === null || found === undefined) return null
    if ('tally' in found) {
      const tally = loadTally(found.tally)
      if (tally === null) return null
      const skippedSubmoduleEntries = found.skippedSubmoduleEntries
      return { tally, skippedSubmoduleEntries, base: stored, added: [], missingObjectWarnings: [] }
    }
    const base = await load(found.base)
    if (base === null || base.added.length > 0) return null
    const part = await plan.readPart(found.added)
    base.tally.addOldestFirst([...part.commits].reverse())
    return { ...base, ...found, missingObjectWarnings: part.missingObjectWarnings }
  }
  const known = ((await store?.getResult('history-tally-windows', settings)) ?? []) as KnownWindow[]
  const save = async (window: Omit<LoadedWindow, 'missingObjectWarnings'>) => {
    if (store === undefined) return
    const stored: StoredWindow =
      window.added.length === 0 || window.added.length > maxAdded
        ? { tally: storeTally(window.tally), skippedSubmoduleEntries: window.skippedSubmoduleEntries }
        : { base: window.base, added: window.added, skippedSubmoduleEntries: window.skippedSubmoduleEntries }
    await store.putResult('history-tally', key, stored)
    const windows = [{ key, commits: plan.shas.length }, ...known.filter((entry) => entry.key !== key)]
    await store.putResult('history-tally-windows', settings, windows.slice(0, remembered))
  }

  const exact = await load(key)
  if (exact !== null) {
    const complete = exact.missingObjectWarnings.length === 0
    return {
      tally: exact.tally,
      warnings: warnings(exact.skippedSubmoduleEntries, exact.missingObjectWarnings),
      complete,
      source: 'stored',
    }
  }
  // The largest stored window the plan's window adds commits on top of.
  const below = known
    .filter((window) => window.commits > 0 && window.commits < plan.shas.length)
    .sort((x, y) => y.commits - x.commits)
    .find((window) => keyOf(plan.shas.slice(plan.shas.length - window.commits)) === window.key)
  const base = below === undefined ? null : await load(below.key)
  if (below !== undefined && base !== null && base.missingObjectWarnings.length === 0) {
    const newer = plan.shas.slice(0, plan.shas.length - below.commits)
    const part = await plan.readPart(newer)
    base.tally.addOldestFirst([...part.commits].reverse())
    const skipped = base.skippedSubmoduleEntries + part.skippedSubmoduleEntries
    const complete = part.missingObjectWarnings.length === 0
    if (complete) {
      await save({
        tally: base.tally,
        skippedSubmoduleEntries: skipped,
        base: base.base,
        added: [...newer, ...base.added],
      })
    }
    return { tally: base.tally, warnings: warnings(skipped, part.missingObjectWarnings), complete, source: 'updated' }
  }
  const history = await readHistory()
  const tally = HistoryTally.of(history.commits, options)
  const complete = history.incomplete !== true
  if (complete) await save({ tally, skippedSubmoduleEntries: history.skippedSubmoduleEntries, base: key, added: [] })
  return { tally, warnings: history.warnings, complete, source: 'read' }
}
