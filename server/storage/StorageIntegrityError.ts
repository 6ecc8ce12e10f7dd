/** A stored row or file does not have the shape this server wrote; it is reported, never served. */
export class StorageIntegrityError extends Error {
  override readonly name = 'StorageIntegrityError'
}
