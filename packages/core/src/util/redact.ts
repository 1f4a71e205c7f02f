/** Removes credentials from a remote URL (`https://user:token@host/x` -> `https://host/x`). */
export function stripCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1')
}
