const urlForm = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)/i
// `[user@]host:path` with no `/` before the colon, as git reads it; the user part may hold `@`.
const scpForm = /^[^/]*@(?=[^@/:]+:)/

/**
 * Removes credentials from a remote URL, for messages and stored remotes: the user and password
 * (`https://user:p@ss@host/x` -> `https://host/x`, the last `@` of the authority ends them), the
 * whole query and fragment (`?private_token=...`), and the user of the scp form
 * (`token@host:path` -> `host:path`). Local paths are returned as they are.
 */
export function stripCredentials(url: string): string {
  const match = urlForm.exec(url)
  if (match !== null) {
    const [, scheme = '', authority = '', path = ''] = match
    return `${scheme}${authority.slice(authority.lastIndexOf('@') + 1)}${path}`
  }
  return url.replace(scpForm, '')
}
