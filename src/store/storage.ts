// State lives in Azure Blob Storage (Azurite on a developer machine): one code path. botbuilder's
// BlobsStorage holds turn state, tickets and the token cache, with eTag-checked writes; the one
// thing it cannot do — create a record only if it does not exist yet — is done with the same
// container through @azure/storage-blob (If-None-Match: *), for the token-exchange de-duplication.
import { ContainerClient, RestError } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Storage, StoreItem } from 'botbuilder';

export interface Stores {
  /** botbuilder Storage: reads return `eTag`; a write with a stale eTag fails with "eTag conflict". */
  storage: Storage;
  /** Writes `value` under `key` only if nothing is there yet. True when this call created it. */
  createOnce(key: string, value: object): Promise<boolean>;
  /** Reads what createOnce wrote (undefined if absent). */
  readOnce<T>(key: string): Promise<T | undefined>;
  /** Replaces what createOnce wrote (last writer wins; used to record an outcome). */
  writeOnce(key: string, value: object): Promise<void>;
  /**
   * Writes a botbuilder Storage record (read back with `storage.read`, eTag and all) only if
   * nothing is there yet. True when this call created it.
   */
  create(key: string, value: object): Promise<boolean>;
  /** Keys of the botbuilder Storage records whose key starts with `prefix`, in blob-name order, at most `max`. */
  list(prefix: string, max?: number): Promise<string[]>;
  /** Waits for writes in flight to finish (graceful shutdown). */
  close(): Promise<void>;
}

const ONCE_PREFIX = 'once/';

export function isETagConflict(err: unknown): boolean {
  // BlobsStorage turns HTTP 412 into this message (and only this one: other failures keep their own).
  return err instanceof Error && /^Storage: error writing ".*" due to eTag conflict\.$/.test(err.message);
}

/**
 * The blob name BlobsStorage gives a key (its sanitizeBlobKey, which the package does not export):
 * empty path segments dropped, the whole key URI-encoded, at most 1024 characters.
 */
export function blobNameOf(key: string): string {
  return encodeURIComponent(key.split('/').filter(Boolean).join('/')).slice(0, 1024);
}

export function createStores(connectionString: string, container: string): Stores {
  const storage = new BlobsStorage(connectionString, container);
  const client = new ContainerClient(connectionString, container);
  let ready: Promise<unknown> | undefined;
  const init = () => (ready ??= client.createIfNotExists());
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.then(
      () => inFlight.delete(p),
      () => inFlight.delete(p),
    );
    return p;
  };
  const blob = (key: string) => client.getBlockBlobClient(ONCE_PREFIX + encodeURIComponent(key));

  const tracked: Storage = {
    read: (keys) => track(storage.read(keys)),
    write: (changes) => track(storage.write(changes)),
    delete: (keys) => track(storage.delete(keys)),
  };

  return {
    storage: tracked,
    async createOnce(key, value) {
      await init();
      const body = Buffer.from(JSON.stringify(value));
      try {
        await track(blob(key).upload(body, body.length, { conditions: { ifNoneMatch: '*' }, blobHTTPHeaders: { blobContentType: 'application/json' } }));
        return true;
      } catch (err) {
        if (err instanceof RestError && (err.statusCode === 409 || err.statusCode === 412)) return false;
        throw err;
      }
    },
    async readOnce<T>(key: string) {
      await init();
      try {
        // One GET (atomic). downloadToBuffer reads the size first and then the bytes, so an
        // overwrite in between hands back a torn record.
        const res = await track(blob(key).download());
        const chunks: Buffer[] = [];
        for await (const c of res.readableStreamBody ?? []) chunks.push(c as Buffer);
        return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
      } catch (err) {
        if (err instanceof RestError && err.statusCode === 404) return undefined;
        throw err;
      }
    },
    async writeOnce(key, value) {
      await init();
      const body = Buffer.from(JSON.stringify(value));
      await track(blob(key).upload(body, body.length, { blobHTTPHeaders: { blobContentType: 'application/json' } }));
    },
    async create(key, value) {
      await init();
      // The same serialization as BlobsStorage.write: the JSON of the record without its eTag.
      const { eTag: _ignored, ...record } = value as { eTag?: unknown };
      const body = Buffer.from(JSON.stringify(record));
      try {
        await track(client.getBlockBlobClient(blobNameOf(key)).upload(body, body.length, { conditions: { ifNoneMatch: '*' }, blobHTTPHeaders: { blobContentType: 'application/json' } }));
        return true;
      } catch (err) {
        if (err instanceof RestError && (err.statusCode === 409 || err.statusCode === 412)) return false;
        throw err;
      }
    },
    async list(prefix, max = 10_000) {
      await init();
      const keys: string[] = [];
      for await (const item of client.listBlobsFlat({ prefix: blobNameOf(prefix) + (prefix.endsWith('/') ? '%2F' : '') })) {
        keys.push(decodeURIComponent(item.name));
        if (keys.length >= max) break;
      }
      return keys;
    },
    async close() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}

/** A typed view of one record kept with eTags (tickets, settings). */
export async function readItem<T extends object>(storage: Storage, key: string): Promise<(T & StoreItem) | undefined> {
  const items = await storage.read([key]);
  return items[key] as (T & StoreItem) | undefined;
}
