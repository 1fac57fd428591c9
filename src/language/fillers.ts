// Politeness and chat filler around a question ("hey, can you tell me … please, thanks!").
// Patterns match the core that is left, so they need not spell out every way to ask nicely.
import type { Utterance } from './normalize.ts';

const phrases = (list: string[]) => list.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);

export const GREETINGS = new Set(['hi', 'hello', 'hey', 'heya', 'hiya', 'yo', 'morning', 'howdy', 'greetings', 'sup']);
/** Words of thanks or acknowledgement: a message of nothing else gets a short reply. */
export const THANKS = new Set(['thanks', 'thank', 'thx', 'ty', 'cheers', 'ok', 'okay', 'great', 'perfect', 'awesome', 'cool', 'nice', 'brilliant', 'appreciated']);

const LEADING = phrases([
  'hi', 'hello', 'hey', 'heya', 'hiya', 'yo', 'howdy', 'greetings', 'good morning', 'good afternoon', 'morning', 'hi there',
  'hello there', 'hey there', 'ok', 'okay', 'so', 'um', 'uh', 'hmm', 'please', 'kindly', 'bot', 'tenantdesk',
  'quick question', 'question', 'q', 'btw', 'also', 'and', 'then', 'now', 'ah', 'oh', 'well', 'right', 'sorry', 'team',
  'can you tell me', 'could you tell me', 'can you please tell me', 'would you tell me', 'tell me', 'please tell me',
  'can you check', 'could you check', 'can you please check', 'please check', 'check', 'quickly check', 'just checking',
  'can you show me', 'could you show me', 'please show me', 'show me', 'can you find out', 'find out', 'let me know',
  'can you let me know', 'i want to know', 'i would like to know', 'i need to know', 'i wanted to know', 'i wonder',
  'i was wondering', 'do you know', 'does anyone know', 'any idea', 'any ideas', 'just wondering', 'wondering',
  'can you', 'could you', 'would you', 'will you', 'can you please', 'could you please', 'pls', 'fyi',
  'i need', 'i want', 'need', 'want', 'give me', 'get me', 'can i see', 'can i get', 'can we see', 'i would like',
  'what about', 'how about', 'great', 'perfect', 'awesome', 'cool', 'nice', 'brilliant',
]);

const TRAILING = phrases([
  'please', 'thanks', 'thank you', 'thanks a lot', 'thanks in advance', 'thank you so much', 'many thanks', 'much appreciated', 'appreciated', 'thx', 'ty', 'cheers', 'asap', 'now', 'right now', 'at the moment',
  'currently', 'again', 'in our tenant', 'in the tenant', 'in this tenant', 'in our directory',
  'in the directory', 'in aad', 'in entra', 'in azure', 'in our org', 'in the org', 'in our organization',
  'in the organization', 'in m365', 'in o365', 'in office 365', 'anymore', 'any more', 'bot', 'then', 'btw',
  'lol', 'ok', 'okay', 'quickly', 'real quick', 'by any chance', 'if you can', 'if possible', 'at all', 'here',
]);

/** Every word the filler lists use (real words, never typo-corrected). */
export const FILLER_WORDS: readonly string[] = [...LEADING, ...TRAILING].flat();

function startsWith(norms: readonly string[], at: number, words: readonly string[]): boolean {
  return words.every((w, k) => norms[at + k] === w);
}

/**
 * The token range [from, to) without leading and trailing filler. "here" and greetings survive
 * when they are all there is ("hi" is a greeting the bot answers with help).
 */
export function coreRange(u: Utterance): [number, number] {
  const norms = u.tokens.map((t) => t.norm);
  let from = 0;
  let to = norms.length;
  for (let changed = true; changed && from < to; ) {
    changed = false;
    for (const p of LEADING) {
      if (p.length <= to - from && startsWith(norms, from, p)) {
        from += p.length;
        changed = true;
        break;
      }
    }
  }
  for (let changed = true; changed && from < to; ) {
    changed = false;
    for (const p of TRAILING) {
      if (p.length <= to - from && startsWith(norms, to - p.length, p)) {
        to -= p.length;
        changed = true;
        break;
      }
    }
  }
  return [from, to];
}
