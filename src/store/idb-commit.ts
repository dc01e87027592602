import { promisifyRequest, type UseStore } from 'idb-keyval';

/**
 * Writes that commit as soon as the database has them. A transaction left to commit by itself
 * waits until its request's success event has run on the page, which can sit behind a long
 * render; a reload in that moment loses the write. `commit()` asks for it at once.
 */
function commitNow(transaction: IDBTransaction): void {
  // Browsers without commit() (before 2021) commit as soon as they can anyway.
  if (typeof transaction.commit === 'function') transaction.commit();
}

/** Puts `value` under `key` and commits at once; resolves when it is stored. */
export function putCommitted(db: UseStore, key: IDBValidKey, value: unknown): Promise<void> {
  return db('readwrite', (store) => {
    store.put(value, key);
    commitNow(store.transaction);
    return promisifyRequest(store.transaction);
  });
}

/** Deletes `key` and commits at once; resolves when it is gone. */
export function deleteCommitted(db: UseStore, key: IDBValidKey): Promise<void> {
  return db('readwrite', (store) => {
    store.delete(key);
    commitNow(store.transaction);
    return promisifyRequest(store.transaction);
  });
}
