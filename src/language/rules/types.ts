// One entry per intent: the shapes of message that certainly mean it (patterns, see
// ../pattern.ts), the words that suggest it (cues, see ../cues.ts), and the entities its answer uses.
import type { Entities, Intent } from '../intents.ts';

export type EntityKey = keyof Entities;

export interface IntentRule {
  intent: Intent;
  /** Whole-message shapes; a match is strong evidence and places names exactly. */
  patterns: string[];
  /** Keyword evidence anywhere in the message: [weight 0..1, cue]. */
  cues: Array<[number, string]>;
  /** The entities this intent's answer uses; anything else found in the message is dropped. */
  keeps: EntityKey[];
  /** Where a name left over after keywords goes, when only cues matched. */
  nameSlot?: 'user' | 'app' | 'group';
  /** Whether "I/my/me" in the message means the question is about the asker (user: 'me'). */
  aboutAsker?: boolean;
}

/** Reusable pattern fragments. */
export const BE = '(is|are|am|was|were)';
export const APP_WORD =
  '(app|apps|application|applications|enterprise app|enterprise apps|enterprise application|app registration|app registrations|registered app|service principal|sp|saas app|integration)';
export const GROUP_TAIL = '[group|groups|team|teams|dl|channel|distribution list|security group|m365 group|office group]';
export const GROUP_NOUN = '(group|team|dl|channel|distribution list|security group|m365 group|office group)';
