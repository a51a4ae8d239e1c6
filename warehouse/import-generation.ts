// Imports write raw rows in transactions of their own (ingest/bundle/write-bundle.ts writeBatch, the
// one place every import writes), and only this process writes the file (DESIGN.md). Reads kept
// between native writes (ingest/entry/context-cache.ts) ask here, with no query, whether an import
// may have committed since they were read: the generation moves when an import starts writing and
// again when it has committed or failed, so an import commit always lies between two moves. A
// generation read while no import is writing, and unchanged at a later read, proves no import
// committed in between. One counter for the process (writeBatch gets a connection, not a warehouse):
// an import into one warehouse also drops what is kept for another, which costs only a re-read.
let generation = 0;
let writing = 0;

/** Call just before an import's transaction begins. */
export function importWriteStarting(): void {
  writing += 1;
  generation += 1;
}

/** Call once the import's transaction has committed or rolled back. */
export function importWriteEnded(): void {
  writing -= 1;
  generation += 1;
}

/** The import generation, or undefined while an import is writing (nothing read now may be kept). */
export const stableImportGeneration = (): number | undefined => (writing > 0 ? undefined : generation);
