// The entities of a reading: names from the pattern's slots (or, for a keyword match, the name
// left over), plus the extracted entities the intent uses. Everything else found is dropped, so
// an answer only ever sees what it asked for.
import type { Entities } from './intents.ts';
import { absolute, type ParseContext } from './context.ts';
import { firstOf } from './entities/spans.ts';
import { GROUP_WORDS } from './lexicon.ts';
import { leftoverName, nameValue } from './names.ts';
import type { Candidate } from './score.ts';

/**
 * "members of Mark 8 Project Team": a capitalised "Team", "Users" or "Group" after a group name is
 * part of the name; a lower-case one ("the Marketing team") only says what kind of thing it is.
 */
function withTitleTail(ctx: ParseContext, end: number): number {
  while (end < ctx.to) {
    const t = ctx.u.tokens[end]!;
    if (!GROUP_WORDS.has(t.norm) || !/^\p{Lu}/u.test(ctx.u.text.slice(t.start, t.end))) break;
    end++;
  }
  return end;
}

export function entitiesFor(ctx: ParseContext, c: Candidate): Entities {
  const e: Entities = {};
  const keeps = new Set(c.rule.keeps);
  for (const kind of ['user', 'app', 'group'] as const) {
    const slot = absolute(ctx, c.slots?.[kind]);
    if (slot) e[kind] = nameValue(ctx, kind, slot[0], kind === 'group' ? withTitleTail(ctx, slot[1]) : slot[1]);
  }
  if (c.slots?.me) e.user = 'me';
  if (c.triage) {
    if (c.triage.user) e.user = c.triage.user;
    if (c.triage.app) e.app = c.triage.app;
  }
  const role = firstOf(ctx.spans, 'role');
  const sku = firstOf(ctx.spans, 'sku');
  const days = firstOf(ctx.spans, 'days');
  const domain = firstOf(ctx.spans, 'domain');
  if (role) e.role = String(role.value);
  if (sku) e.sku = String(sku.value);
  if (days) e.days = Number(days.value);
  if (domain) e.domain = String(domain.value);

  const email = firstOf(ctx.spans, 'email');
  const guid = firstOf(ctx.spans, 'guid');
  if (c.rule.nameSlot === 'user' && email && e.user === undefined) e.user = String(email.value);
  if (c.rule.nameSlot === 'app' && guid && e.app === undefined) e.app = String(guid.value);
  if (c.via === 'cue') {
    const slot = c.rule.nameSlot;
    if (slot && e[slot] === undefined) {
      const left = leftoverName(ctx, ctx.from, ctx.to);
      if (left) e[slot] = nameValue(ctx, slot, left[0], left[1]);
    }
  }
  if (c.rule.aboutAsker && e.user === undefined && c.via !== 'triage' && ctx.cues.mentionsMe) e.user = 'me';

  for (const k of Object.keys(e) as (keyof Entities)[]) if (!keeps.has(k)) delete e[k];
  return e;
}
