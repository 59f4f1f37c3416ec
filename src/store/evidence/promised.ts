/**
 * Runs synchronous store work behind a promise: a thrown error (a bad filter, a driver error)
 * becomes a rejection, so callers of the async EvidenceStore API never see a synchronous throw.
 */
export function promised<T>(run: () => T): Promise<T> {
  return new Promise<T>((resolve) => {
    resolve(run());
  });
}
