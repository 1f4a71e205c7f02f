/** The start and end of a file at HEAD, as much as gitlore reads of it. */
export interface FileSample {
  /** The first bytes (at most 1 KiB), decoded as UTF-8 with invalid bytes replaced. */
  readonly start: string
  /** The last bytes (at most 512 bytes), decoded the same way; "" when the start already holds the whole file. */
  readonly end: string
}

/**
 * What is known of the tree at HEAD: its paths, its `.gitattributes` files and the start and end of
 * its regular files. The repository is untrusted, so only regular blobs are read, each up to a size
 * limit and only in part.
 */
export interface HeadFiles {
  /** Every path at HEAD (regular files, symbolic links and submodules), in tree order. */
  readonly paths: readonly string[]
  /** The text of each `.gitattributes` file at HEAD, by its path. */
  readonly attributes: ReadonlyMap<string, string>
  /** Samples of the regular files at HEAD that were read, by path (files over the size limit have none). */
  readonly samples: ReadonlyMap<string, FileSample>
}
