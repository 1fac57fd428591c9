// What Tenant Desk can answer: one entry per intent, joining its answer (Graph → view model),
// its card (view model → Adaptive Card) and who may see it in a group chat or channel. The help
// card lists exactly these, so it shows only what works.
import type { AnswerContext } from './answers/context.ts';
import type { Rendered } from './cards/guard.ts';
import type { Intent, Parsed } from './language/intents.ts';
import { syncStatus } from './answers/sync-status.ts';
import { syncUsers } from './answers/sync-users.ts';
import { renderSyncStatus } from './cards/sync-status.ts';
import { renderSyncUsers } from './cards/sync-users.ts';

/**
 * Principle 2: 'members' — every member of a chat or channel could read this themselves (most
 * directory data), so it may be posted in the thread; 'private' — sign-in activity, consent
 * grants, sync configuration, another person's diagnostics: it goes to the asker alone, unless the
 * channel is a configured admin channel.
 */
export type Audience = 'members' | 'private';

export interface ViewOptions {
  /** The page of a long list to show (0-based). */
  page: number;
  /** Where the view model is kept for paging (set by the bot; absent in the CLI). */
  answerId?: string;
}

export interface Capability<VM = unknown> {
  intent: Intent;
  /** For the help card: what it answers. */
  title: string;
  /** For the help card: how people ask. */
  examples: string[];
  audience: Audience;
  answer(question: Parsed, ctx: AnswerContext): Promise<VM>;
  render(vm: VM, view: ViewOptions): Rendered;
}

/** Binds an answer to its card with one view-model type, so the table below stays type-checked. */
function capability<VM>(c: Capability<VM>): Capability {
  return c as unknown as Capability;
}

// Every question the bot answers: follow one line to the answer (src/answers), the card (src/cards)
// and the tests (test/answers, test/cards, test/e2e).
const CAPABILITIES: Capability[] = [
  capability({ intent: 'sync.status', title: 'Directory sync health', examples: ['sync status', 'is directory sync working?', 'when did password hash sync last run?'], audience: 'private', answer: syncStatus, render: renderSyncStatus }),
  capability({ intent: 'sync.users', title: 'Who is synced from on-premises AD', examples: ['who is synced?', 'how many users are cloud-only?'], audience: 'members', answer: syncUsers, render: renderSyncUsers }),
];

export function capabilities(): readonly Capability[] {
  return CAPABILITIES;
}

export function capabilityFor(intent: Intent): Capability | undefined {
  return CAPABILITIES.find((c) => c.intent === intent);
}
