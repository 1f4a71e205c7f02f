/** The bytes of a Float32 vector (platform byte order, little-endian on every supported platform). */
export function vectorToBlob(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength))
}

/** The vector stored in `blob`, copied into an aligned buffer; `undefined` when the length does not fit. */
export function blobToVector(blob: Uint8Array, dimensions: number | undefined): Float32Array | undefined {
  if (blob.byteLength === 0 || blob.byteLength % 4 !== 0) return undefined
  if (dimensions !== undefined && blob.byteLength !== dimensions * 4) return undefined
  return new Float32Array(new Uint8Array(blob).buffer)
}
