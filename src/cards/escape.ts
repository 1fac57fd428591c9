// The one escaper for text that reaches a card. Teams renders TextBlock and FactSet text as
// markdown, so a name like "*Sales* [click](https://evil)" or "<at>Everyone</at>" must arrive as
// the literal characters. Every ASCII punctuation character that CommonMark can give meaning to is
// backslash-escaped (CommonMark's rule: a backslash before ASCII punctuation is always literal),
// line breaks become spaces (no injected headings or lists), and control characters are dropped.

const MARKDOWN = /[\\`*_{}[\]()#+\-.!|<>~"'&=:]/g;
// C0/C1 controls except tab; bidi overrides and isolates (they can reorder what a reader sees).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text to show literally in a TextBlock, FactSet or Table cell. */
export function md(text: string | undefined | null): string {
  if (text === undefined || text === null) return '';
  return String(text).replace(CONTROLS, '').replace(/\r\n?|\n/g, ' ').replace(MARKDOWN, (c) => `\\${c}`);
}

/** Text for places that are not markdown (plain-text fallbacks, button titles, summaries). */
export function plain(text: string | undefined | null, max = 500): string {
  if (text === undefined || text === null) return '';
  const s = String(text).replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
