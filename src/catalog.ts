// What Tenant Desk can answer: one entry per intent, joining its answer (Graph → view model),
// its card (view model → Adaptive Card) and who may see it in a group chat or channel. The help
// card lists exactly these, so it shows only what works.
import type { AnswerContext } from './answers/context.ts';
import type { Rendered } from './cards/guard.ts';
import type { Intent, Parsed } from './language/intents.ts';

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

// Answers register here as they land.
const CAPABILITIES: Capability[] = [];

export function registerCapability<VM>(capability: Capability<VM>): void {
  if (CAPABILITIES.some((c) => c.intent === capability.intent)) throw new Error(`${capability.intent} is registered twice`);
  CAPABILITIES.push(capability as Capability);
}

export function capabilities(): readonly Capability[] {
  return CAPABILITIES;
}

export function capabilityFor(intent: Intent): Capability | undefined {
  return CAPABILITIES.find((c) => c.intent === intent);
}
