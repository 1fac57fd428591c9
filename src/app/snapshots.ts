// Long answers are paged on the card (Action.Execute next / previous). The answer's view model is
// kept for a while so another page is rendered from it, not recomputed with Graph; any instance
// can serve the next page.
import type { Storage } from 'botbuilder';
import type { Intent } from '../language/intents.ts';

export interface Snapshot {
  intent: Intent;
  vm: unknown;
}

const key = (id: string) => `answers/${id}`;
/** After a day a list is stale enough to ask again. */
export const SNAPSHOT_MAX_AGE_MS = 24 * 3600 * 1000;

export async function saveSnapshot(storage: Storage, id: string, snapshot: Snapshot): Promise<void> {
  await storage.write({ [key(id)]: { ...snapshot, savedAt: Date.now(), eTag: '*' } });
}

export async function loadSnapshot(storage: Storage, id: string, now = Date.now()): Promise<Snapshot | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const found = (await storage.read([key(id)]))[key(id)] as (Snapshot & { savedAt?: number }) | undefined;
  if (!found || now - (found.savedAt ?? 0) > SNAPSHOT_MAX_AGE_MS) return undefined;
  return { intent: found.intent, vm: found.vm };
}
