/** Maps a raw identity to the identity its person is counted under (itself when not merged). */
export type CanonicalIdentity = (identity: string) => string

/** The canonical identity function of a merge map (raw identity -> canonical, merged ones only). */
export function canonicalIdentity(merged: ReadonlyMap<string, string>): CanonicalIdentity {
  return merged.size === 0 ? (identity) => identity : (identity) => merged.get(identity) ?? identity
}
