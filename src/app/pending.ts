// The question someone asked before they were signed in. It waits in shared storage — any
// instance may receive the token exchange — and is answered as soon as the sign-in completes,
// in the conversation where the answer belongs (the private chat, for a question asked in a channel).
import type { ConversationReference, Storage } from 'botbuilder';
import type { Stores } from '../store/storage.ts';

export interface PendingQuestion {
  text: string;
  reference: Partial<ConversationReference>;
  askedAt: string;
}

const key = (oid: string) => `pending/${oid}`;
/** Older questions are not answered out of the blue. */
const MAX_AGE_MS = 15 * 60 * 1000;

export async function savePending(storage: Storage, oid: string, pending: PendingQuestion): Promise<void> {
  await storage.write({ [key(oid)]: { ...pending, eTag: '*' } });
}

/** Takes the pending question: exactly one caller gets it, even on several instances at once. */
export async function takePending(stores: Stores, oid: string, now = Date.now()): Promise<PendingQuestion | undefined> {
  const items = await stores.storage.read([key(oid)]);
  const found = items[key(oid)] as (PendingQuestion & { eTag?: string }) | undefined;
  if (!found) return undefined;
  if (!(await stores.createOnce(`pending-taken/${oid}/${found.askedAt}`, { at: now }))) return undefined;
  await stores.storage.delete([key(oid)]);
  if (now - Date.parse(found.askedAt) > MAX_AGE_MS) return undefined;
  return { text: found.text, reference: found.reference, askedAt: found.askedAt };
}

export async function hasPending(storage: Storage, oid: string): Promise<boolean> {
  const items = await storage.read([key(oid)]);
  return Boolean(items[key(oid)]);
}
