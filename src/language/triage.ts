// "I can't sign in", "Lee can't open SharePoint", "Outlook keeps asking for my password".
// A problem word plus something that should work (signing in, an app, a password) makes triage.
// The person is whoever the sentence is about: a name before the problem ("Lee can't…"), or
// after "why can't" ("why can't Megan sign in"); I/my/me make it the asker ('me'); no one named
// leaves it absent (the answer then diagnoses the asker). The app is a workload or known app
// named anywhere, else what follows "open/access/get into/log in to".
import { KNOWN_APPS, WORKLOADS, WORKLOAD_PHRASES } from './lexicon.ts';
import { ME, acceptName, leftoverName, nameValue, type NameContext } from './names.ts';
import { typedText } from './normalize.ts';

const PROBLEMS = [
  'cannot', 'could not', 'unable to', 'not able to', 'will not', 'would not', 'does not', 'do not', 'did not', 'is not working',
  'not working', 'stopped working', 'keeps', 'keep', 'kept', 'locked out', 'locked', 'blocked', 'access denied', 'denied',
  'error', 'errors', 'failing', 'fails', 'failed', 'broken', 'crashing', 'crashes', 'crashed', 'stuck', 'no access', 'not loading',
  'trouble', 'problem', 'problems', 'issue', 'issues', 'forgot', 'expired', 'prompts', 'prompted', 'prompting', 'down',
  'lost access', 'no longer', 'is not', 'are not', 'am not', 'hangs', 'freezes', 'spinning', 'kicked out', 'loops', 'looping',
  'slow', 'unusable', 'offline',
].map((p) => p.split(' '));

const TARGETS = new Set([
  'sign', 'signing', 'signed', 'log', 'logging', 'logged', 'access', 'open', 'load', 'loading', 'use', 'connect', 'password',
  'passwords', 'account', 'mfa', 'authenticator', 'mailbox', 'email', 'mail', 'files', 'site', 'reach', 'launch', 'start',
  'authenticate', 'verification', 'code', 'prompts', 'otp', 'sso', 'login', 'credentials', 'work', 'working',
]);

/** Problems that are triage on their own. */
const STRONG = [
  'locked out', 'forgot my password', 'forgot password', 'password expired', 'password has expired', 'access denied',
  'mfa prompts', 'mfa prompt', 'keeps asking', 'keeps prompting', 'keep getting', 'cannot sign in', 'cannot log in',
  'am blocked', 'am locked', 'got locked', 'been locked', 'been blocked',
].map((p) => p.split(' '));

const ACCESS_VERBS = new Set(['open', 'access', 'use', 'load', 'reach', 'launch', 'start', 'into', 'to']);
const TRAILERS = new Set(['anymore', 'since', 'today', 'on', 'from', 'at', 'this', 'after', 'because', 'when', 'and', 'but', 'either', 'again', 'it', 'though']);
const SUBJECT_NOISE = new Set([
  'why', 'how', 'come', 'help', 'so', 'hey', 'is', 'am', 'are', 'was', 'has', 'have', 'does', 'did', 'says', 'said', 'reports',
  'reported', 'tells', 'told', 'me', 'he', 'she', 'they', 'keeps', 'keep', 'gets', 'get', 'getting', 'just', 'still', 'now',
  'suddenly', 'also', 'user', 'the', 'our', 'when', 'that', 'and', 'but', 'her', 'his', 'their', 'what', 'if',
]);
const NOT_APPS = new Set(['account', 'accounts', 'it', 'anything', 'stuff', 'computer', 'laptop', 'pc', 'phone', 'machine', 'password', 'device', 'them']);

/** The words triage looks for (real words, never typo-corrected). */
export const TRIAGE_WORDS: readonly string[] = [...PROBLEMS.flat(), ...TARGETS, ...STRONG.flat(), ...ACCESS_VERBS, ...TRAILERS, ...SUBJECT_NOISE, ...NOT_APPS];

export interface TriageReading {
  score: number;
  user?: string;
  app?: string;
}

const at = (norms: readonly string[], i: number, words: readonly string[]) => words.every((w, k) => norms[i + k] === w);
function find(norms: readonly string[], list: readonly string[][], from: number, to: number): [number, number] | undefined {
  for (let i = from; i < to; i++) for (const p of list) if (at(norms, i, p)) return [i, i + p.length];
  return undefined;
}

/** The workload or known app named in [from, to): [start, end) of the longest match. */
function workload(ctx: NameContext, norms: readonly string[], from: number, to: number): [number, number] | undefined {
  for (let i = from; i < to; i++) {
    const pair = WORKLOAD_PHRASES.find((p) => at(norms, i, p));
    if (pair && i + pair.length <= to) return [i, i + pair.length];
    if (WORKLOADS.has(norms[i]!) || KNOWN_APPS.has(norms[i]!)) return [i, i + 1];
  }
  return undefined;
}

const problemWords = new Set(PROBLEMS.flat());

/** The thing after an access verb, up to "since/on/from/anymore…": [start, end), if it can be an app. */
function accessObject(ctx: NameContext, norms: readonly string[], from: number, to: number): [number, number] | undefined {
  const verb = norms.findIndex((n, i) => i >= from && i < to && ACCESS_VERBS.has(n));
  if (verb < 0) return undefined;
  let s = verb + 1;
  while (s < to && ['my', 'her', 'his', 'their', 'the', 'our', 'into', 'to', 'in', 'onto'].includes(norms[s]!)) s++;
  let e = s;
  while (e < to && !TRAILERS.has(norms[e]!)) e++;
  const words = norms.slice(s, e);
  if (e === s || words.some((n) => NOT_APPS.has(n) || problemWords.has(n))) return undefined;
  return acceptName(ctx, 'app', s, e) ? [s, e] : undefined;
}

export function readTriage(ctx: NameContext, from: number, to: number): TriageReading {
  const norms = ctx.u.tokens.map((t) => t.norm);
  const problem = find(norms, PROBLEMS, from, to);
  const strong = find(norms, STRONG, from, to) ?? (norms.slice(from, to).some((n) => n.startsWith('aadsts')) ? [from, from] : undefined);
  const app = workload(ctx, norms, from, to);
  const target = norms.slice(from, to).some((n) => TARGETS.has(n)) || app !== undefined;
  const score = strong ? 0.88 : problem && target ? 0.87 : 0;
  if (score === 0) return { score };
  const reading: TriageReading = { score };

  // The app: what follows "open/access/log in to …" ("the Contoso HR Portal"), else a workload named anywhere.
  const object = accessObject(ctx, norms, from, to);
  if (object) reading.app = nameValue(ctx, 'app', object[0], object[1]);
  else if (app) reading.app = typedText(ctx.u, app[0], app[1]);

  // The person: the words before the problem, or between "why cannot" and the verb.
  const cut = problem?.[0] ?? strong?.[0] ?? to;
  let subject = leftoverName({ ...ctx, keywords: new Set([...ctx.keywords, ...SUBJECT_NOISE]) }, from, cut);
  if (subject && app && subject[0] < app[1] && subject[1] > app[0]) subject = undefined;
  if (!subject && problem && norms[from] === 'why') {
    // "why can't Lee Gu open SharePoint": the name ends where the access verb ("open") or the app begins.
    const stop = object ? object[0] - 1 : app ? app[0] : to;
    const rest = leftoverName(ctx, problem[1], Math.min(to, problem[1] + 4, stop));
    if (rest && !(app && rest[0] < app[1] && rest[1] > app[0])) subject = rest;
  }
  if (subject && acceptName(ctx, 'user', subject[0], subject[1])) reading.user = nameValue(ctx, 'user', subject[0], subject[1]);
  else if (norms.slice(from, to).some((n) => ME.has(n))) reading.user = 'me';
  return reading;
}
