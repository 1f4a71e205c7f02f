import { GitloreError } from '@gitlore/core'

/**
 * A file gitlore shares with people (CLAUDE.md and the like) has gitlore markers it cannot make
 * sense of; gitlore leaves it alone until the user fixes them.
 */
export class ManagedBlockError extends GitloreError {
  /** The file, relative to the output directory. */
  readonly path: string

  constructor(path: string, problem: string) {
    super({
      code: 'output_markers_invalid',
      kind: 'usage',
      message:
        `${path} ${problem}; gitlore needs exactly one "<!-- gitlore:begin -->" line followed by one ` +
        '"<!-- gitlore:end -->" line. Fix the file (keep one pair around the gitlore section, or delete ' +
        'both markers to have the section appended) and run again; no output was written.',
    })
    this.name = 'ManagedBlockError'
    this.path = path
  }
}
