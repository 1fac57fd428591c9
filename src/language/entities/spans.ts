// What the entity extractors report: a run of tokens and the value it stands for. Spans are
// found once per message, over all its tokens; patterns refer to them (<role>, <sku>…) and names
// may not consist of them (a "name" that is really "global admins" is a role, not a user).
export type SpanKind = 'role' | 'sku' | 'days' | 'domain' | 'email' | 'guid' | 'scope';

export interface Span {
  kind: SpanKind;
  /** Token range [start, end) in Utterance.tokens. */
  start: number;
  end: number;
  value: string | number;
  /** A vague period ("soon", "expired") that a precise one in the same message outranks. */
  weak?: boolean;
}

export function firstOf(spans: readonly Span[], kind: SpanKind): Span | undefined {
  const all = spans.filter((s) => s.kind === kind);
  return all.find((s) => !s.weak) ?? all[0];
}

/** Whether tokens [from, to) lie entirely inside one span of these kinds. */
export function coveredBy(spans: readonly Span[], from: number, to: number, kinds: readonly SpanKind[]): boolean {
  return spans.some((s) => kinds.includes(s.kind) && s.start <= from && s.end >= to);
}
