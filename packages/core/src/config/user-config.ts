import { homedir } from 'node:os'
import { isAbsolute, join } from 'node:path'

/**
 * The user's own gitlore directory: `$XDG_CONFIG_HOME/gitlore` when that is set to an absolute
 * path, else `~/.config/gitlore`. It holds the user's gitlore.toml, .env and trust.json; nothing
 * in a repository can change where it is.
 */
export function userConfigDirectory(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const xdg = env.XDG_CONFIG_HOME
  if (xdg !== undefined && xdg !== '' && isAbsolute(xdg)) return join(xdg, 'gitlore')
  const home = env.HOME !== undefined && env.HOME !== '' ? env.HOME : homedir()
  return join(home, '.config', 'gitlore')
}
