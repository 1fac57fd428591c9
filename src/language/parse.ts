// What people type in Teams → { intent, entities, confidence }. Pure, synchronous, no I/O.
//
// The way through, in order (each step is one small module):
//   1. normalize   clean the text, tokenize, fix typos           ./normalize.ts, ./typos.ts
//   2. entities    UPNs, GUIDs, domains, periods, roles, SKUs    ./entities/*
//   3. core        drop "hey, can you tell me … please"          ./fillers.ts
//   4. commands    sign out, "this is the helpdesk channel"      ./rules/helpdesk.ts
//   5. readonly    requests to change something                  ./readonly.ts
//   6. shapes      "who is in Salesforce?" — ask which reading    ./clarify.ts
//   7. the table   patterns and keywords per intent              ./rules/*, ./score.ts
//   8. bare names  "Dropbox", "Megan Bowen"                      ./clarify.ts
//   9. otherwise   none (the bot answers with help)
import { entitiesFor } from './assemble.ts';
import { ambiguousShape, bareName } from './clarify.ts';
import { buildContext, type ParseContext } from './context.ts';
import { GREETINGS, THANKS } from './fillers.ts';
import type { Intent, Parsed } from './intents.ts';
import { permissionOf } from './permission.ts';
import { readBuriedChange, readChange } from './readonly.ts';
import { ticketFilter } from './rules/helpdesk.ts';
import { rank, type Candidate } from './score.ts';

/** Below this the message is not understood: intent 'none'. */
export const MIN_CONFIDENCE = 0.5;
/** A keyword match at least this strong is taken before asking about a bare name. */
const SURE = 0.6;
/** Two keyword readings closer than this, both strong, are a question to ask back. */
const TIE = 0.015;

const LABELS: Partial<Record<Intent, string>> = {
  'tenant.overview': 'an overview of the tenant', 'sync.status': 'the state of directory sync', 'sync.users': 'the synced users',
  'sync.errors': 'directory sync errors', 'user.lookup': 'a person', 'user.groups': "a person's groups", 'group.members': "a group's members",
  'app.lookup': 'an app', 'app.credentials': 'expiring app secrets and certificates', 'app.permissions': "apps' permissions",
  'license.summary': 'license counts', 'license.holders': 'who holds a license', 'role.members': 'directory role members',
  'domain.list': 'the domains', 'guest.list': 'guest users', triage: 'a sign-in or access problem', 'ticket.list': 'helpdesk tickets',
};

function reading(ctx: ParseContext, c: Candidate): Parsed {
  const parsed: Parsed = { intent: c.rule.intent, entities: entitiesFor(ctx, c), confidence: round(Math.min(c.score, 0.99)) };
  if (c.rule.intent === 'ticket.list') parsed.ticketFilter = ticketFilter(ctx.norms);
  return parsed;
}

const round = (n: number) => Math.round(n * 100) / 100;

function empty(ctx: ParseContext): Parsed {
  if (ctx.norms.some((n) => GREETINGS.has(n)) || /^[\s?]*\?[\s?]*$/.test(ctx.u.text)) return { intent: 'help', entities: {}, confidence: 0.8 };
  if (ctx.norms.some((n) => THANKS.has(n))) return { intent: 'thanks', entities: {}, confidence: 0.9 };
  return { intent: 'none', entities: {}, confidence: 0.9 };
}

function none(best: number): Parsed {
  return { intent: 'none', entities: {}, confidence: round(Math.max(0, 1 - best)) };
}

export function parse(text: string): Parsed {
  const ctx = buildContext(text);
  const parsed = read(ctx);
  if (parsed.intent !== 'app.permissions') return parsed;
  const permission = permissionOf(text.slice(0, 2000), ctx.norms);
  return permission ? { ...parsed, permission } : parsed;
}

function read(ctx: ParseContext): Parsed {
  if (ctx.from >= ctx.to) return empty(ctx);
  const ranked = rank(ctx);
  const [best, second] = ranked;

  if (best && best.score >= 0.85 && (best.rule.intent === 'signout' || best.rule.intent === 'helpdesk.here')) return reading(ctx, best);

  // A problem beats a change mentioned after it ("I can't sign in, please reset my password" is triage).
  const change = readChange(ctx.norms, ctx.spans) ?? (best?.rule.intent === 'triage' ? undefined : readBuriedChange(ctx.norms, ctx.spans));
  if (change) return { intent: 'readonly', entities: {}, confidence: 0.9, change };

  const shaped = ambiguousShape(ctx);
  if (shaped) return shaped;

  if (best && best.score >= SURE) {
    if (second && best.via === 'cue' && second.via === 'cue' && best.score - second.score < TIE && second.score >= 0.8) {
      return {
        intent: 'clarify',
        entities: {},
        confidence: 0.55,
        alternatives: [best, second].map((c) => {
          const r = reading(ctx, c);
          return { intent: r.intent, entities: r.entities, label: LABELS[r.intent] ?? r.intent };
        }),
      };
    }
    return reading(ctx, best);
  }

  const bare = bareName(ctx);
  if (bare) return bare;
  if (best && best.score >= MIN_CONFIDENCE) return reading(ctx, best);
  return none(best?.score ?? 0);
}
