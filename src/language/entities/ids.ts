// UPNs / email addresses, GUIDs (appIds, object ids) and Graph permission names ("Mail.Read"):
// recognised by shape alone.
import type { Utterance } from '../normalize.ts';
import type { Span } from './spans.ts';

const EMAIL = /^[^\s@'"]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const SCOPE = /^[a-z]{2,40}(?:\.[a-z]{2,40}){1,3}$/;
const SCOPE_VERBS = /\.(?:read|readwrite|send|readbasic|fullcontrol|manage|write|accessasuser|create|invite)/;

export function isScope(norm: string): boolean {
  return SCOPE.test(norm) && SCOPE_VERBS.test(norm);
}

export function isEmail(norm: string): boolean {
  return norm.length <= 320 && EMAIL.test(norm);
}

export function isGuid(norm: string): boolean {
  return GUID.test(norm);
}

/** Emails become lower-case UPNs; GUIDs lower-case too (Graph compares them case-insensitively). */
export function findIds(u: Utterance): Span[] {
  const out: Span[] = [];
  u.tokens.forEach((t, i) => {
    if (t.quoted) return;
    if (isEmail(t.norm)) out.push({ kind: 'email', start: i, end: i + 1, value: t.norm });
    else if (isGuid(t.norm)) out.push({ kind: 'guid', start: i, end: i + 1, value: t.norm });
    else if (isScope(t.norm)) out.push({ kind: 'scope', start: i, end: i + 1, value: u.text.slice(t.start, t.end) });
  });
  return out;
}
