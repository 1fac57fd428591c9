// Messages with two plausible readings. Rather than guess, the bot asks ("the app Dropbox" or
// "the group Dropbox"?). A reading is decided without asking only when the name itself tells:
// a department or "… Users/Team" is a group, a known given name is a person, a well-known SaaS
// name or "… Portal/API" is an app, a UPN is a user, a GUID is an app's appId.
import type { Entities, Intent, Parsed, Reading } from './intents.ts';
import type { ParseContext } from './context.ts';
import { isEmail, isGuid } from './entities/ids.ts';
import { APP_WORDS, DEPARTMENTS, FIRST_NAMES, GROUP_WORDS, KNOWN_APPS } from './lexicon.ts';
import { ME, nameValue, properNoun } from './names.ts';
import { compile, match, type Pattern } from './pattern.ts';

interface Kind {
  me: boolean;
  email: boolean;
  guid: boolean;
  person: boolean;
  group: boolean;
  knownApp: boolean;
  appish: boolean;
}

function kindOf(ctx: ParseContext, from: number, to: number): Kind {
  const toks = ctx.u.tokens.slice(from, to);
  const words = toks.flatMap((t) => (t.quoted ? t.quoted.toLowerCase().split(/\s+/) : [t.norm]));
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  const single = toks.length === 1 ? toks[0]!.norm : '';
  const group = GROUP_WORDS.has(last) || DEPARTMENTS.has(last);
  const knownApp = words.some((w) => KNOWN_APPS.has(w));
  const appish = APP_WORDS.has(last);
  return {
    me: ME.has(single),
    email: isEmail(single),
    guid: isGuid(single),
    person: FIRST_NAMES.has(first) && words.length <= 3 && !group && !knownApp && !appish,
    group,
    knownApp: knownApp && !group,
    appish: appish && !group,
  };
}

const reading = (intent: Intent, entities: Entities, label: string): Reading => ({ intent, entities, label });
const decided = (intent: Intent, entities: Entities, confidence: number): Parsed => ({ intent, entities, confidence });
const ask = (alternatives: Reading[]): Parsed => ({ intent: 'clarify', entities: {}, confidence: 0.6, alternatives });

const asUser = (v: string) => reading('user.lookup', { user: v }, `the person ${v}`);
const asApp = (v: string) => reading('app.lookup', { app: v }, `the app ${v}`);
const asGroup = (v: string) => reading('group.members', { group: v }, `the group ${v}`);

interface Shape {
  pattern: Pattern;
  resolve(k: Kind, v: string): Parsed | undefined;
}

const shape = (source: string, resolve: Shape['resolve']): Shape => ({ pattern: compile(source), resolve });

/** Shapes checked before the intent table: the same words mean different things for apps and groups. */
const SHAPES: Shape[] = [
  // "who is in Salesforce?": members of a group, or the people assigned to the app?
  shape('who (is|are) [all] (in|on|inside) [the] {name}', (k, v) =>
    k.knownApp && !k.group
      ? ask([reading('group.members', { group: v }, `members of the group ${v}`), reading('app.lookup', { app: v }, `people assigned to the app ${v}`)])
      : undefined,
  ),
  // "what does Lee have access to?" (a person's groups) / "what can Workday access?" (an app's permissions)
  shape('(what|which) [stuff|apps|things|resources|data] (does|do|can) [the] {name} (have access to|access|get into|see|read|reach)', (k, v) => {
    if (k.me) return decided('user.groups', { user: 'me' }, 0.85);
    if (k.email || k.person) return decided('user.groups', { user: v }, 0.85);
    if (k.knownApp || k.appish || k.guid) return decided('app.permissions', { app: v }, 0.85);
    return ask([reading('user.groups', { user: v }, `what the person ${v} can access`), reading('app.permissions', { app: v }, `what the app ${v} can access`)]);
  }),
  // "who owns X?": an app's owners or a group's owners (or a person's manager)
  shape('who (owns|manages|is the owner of|are the owners of|is responsible for|runs|created) [the] {name}', (k, v) => {
    if (k.knownApp || k.appish || k.guid) return decided('app.lookup', { app: v }, 0.85);
    if (k.group) return decided('group.members', { group: v }, 0.85);
    if (k.person || k.email) return decided('user.lookup', { user: v }, 0.8);
    return ask([reading('app.lookup', { app: v }, `owners of the app ${v}`), reading('group.members', { group: v }, `owners of the group ${v}`)]);
  }),
];

/** Just a name, perhaps after "about/find/lookup": what is it? */
const BARE = compile(
  '[about|find|lookup|look up|look for|pull up|search [for]|details [for|on|about|of]|info [on|about|for]|information [on|about]|show|display|what do you know about] {name} [for me|for us|please]',
);
const VERBS = new Set(['is', 'are', 'am', 'was', 'were', 'do', 'does', 'did', 'can', 'will', 'would', 'should', 'could', 'has', 'have']);
const PRONOUNS = new Set(['i', 'me', 'my', 'you', 'your', 'we', 'our', 'us', 'it', 'this', 'that', 'they', 'he', 'she']);
const KIND_NOUNS = new Set(['group', 'team', 'dl', 'app', 'application', 'registration', 'integration', 'enterprise', 'principal', 'service']);

function matchName(ctx: ParseContext, p: Pattern): string | undefined {
  const m = match(p, ctx.target);
  const slot = m?.slots.name;
  if (!slot) return undefined;
  const from = slot[0] + ctx.from;
  let to = slot[1] + ctx.from;
  // "who owns the Sales group": a lower-case kind noun says what it is, it is not part of the name.
  const lowerKind = (t: { norm: string; start: number; end: number }) => KIND_NOUNS.has(t.norm) && ctx.u.text.slice(t.start, t.end) === t.norm;
  while (to - from > 1 && lowerKind(ctx.u.tokens[to - 1]!)) to--;
  return nameValue(ctx, 'name', from, to);
}

/**
 * Whether a message that is nothing but a few words can be a name at all: people capitalise
 * names, quote them, or type one the lexicon knows; "lunch?" or "asdfghjkl" is not a question.
 */
function looksLikeName(ctx: ParseContext, from: number, to: number): boolean {
  const toks = ctx.u.tokens.slice(from, to);
  if (toks.length > 6 || toks.some((t) => VERBS.has(t.norm) || PRONOUNS.has(t.norm))) return false;
  for (let i = from; i < to; i++) if (properNoun(ctx, i)) return true;
  return false;
}

function nameKind(ctx: ParseContext, p: Pattern): Kind | undefined {
  const slot = match(p, ctx.target)?.slots.name;
  return slot ? kindOf(ctx, slot[0] + ctx.from, slot[1] + ctx.from) : undefined;
}

/** A shape whose reading depends on what the name is; undefined when none applies. */
export function ambiguousShape(ctx: ParseContext): Parsed | undefined {
  for (const s of SHAPES) {
    const v = matchName(ctx, s.pattern);
    const k = nameKind(ctx, s.pattern);
    if (v !== undefined && k) {
      const p = s.resolve(k, v);
      if (p) return p;
    }
  }
  return undefined;
}

/** A message that is only a name ("Dropbox", "Megan Bowen", "about Contoso Legal"). */
export function bareName(ctx: ParseContext): Parsed | undefined {
  const slot = match(BARE, ctx.target)?.slots.name;
  if (!slot || !looksLikeName(ctx, slot[0] + ctx.from, slot[1] + ctx.from)) return undefined;
  const v = matchName(ctx, BARE);
  const k = nameKind(ctx, BARE);
  if (v === undefined || !k) return undefined;
  if (k.email || k.person) return decided('user.lookup', { user: v }, 0.75);
  if (k.guid) return decided('app.lookup', { app: v }, 0.75);
  if (k.group) return decided('group.members', { group: v }, 0.7);
  if (k.appish && !k.knownApp) return decided('app.lookup', { app: v }, 0.7);
  if (k.knownApp) return ask([asApp(v), asGroup(v)]);
  return ask([asUser(v), asApp(v), asGroup(v)]);
}
