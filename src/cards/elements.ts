// Small typed builders for the Adaptive Card elements Tenant Desk uses (schema 1.5, what Teams
// supports). Text passed to them is already escaped with md() by the caller — the builders do not
// escape again, so markdown the bot writes itself (bold labels) still works.

export type Element = Record<string, unknown> & { type: string };
export type Action = Record<string, unknown> & { type: string; title: string };

export const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const VERSION = '1.5';

export interface Card {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: Element[];
  actions?: Action[];
  msteams?: Record<string, unknown>;
  refresh?: Record<string, unknown>;
  fallbackText?: string;
}

export const text = (t: string, opts: Record<string, unknown> = {}): Element => ({ type: 'TextBlock', text: t, wrap: true, ...opts });
export const heading = (t: string): Element => text(t, { size: 'Large', weight: 'Bolder', style: 'heading' });
export const subtle = (t: string): Element => text(t, { isSubtle: true, size: 'Small', spacing: 'Small' });
export const facts = (pairs: [string, string][]): Element => ({ type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) });
export const container = (items: Element[], opts: Record<string, unknown> = {}): Element => ({ type: 'Container', items, ...opts });
export const columns = (cols: { items: Element[]; width?: string }[], opts: Record<string, unknown> = {}): Element => ({
  type: 'ColumnSet',
  columns: cols.map((c) => ({ type: 'Column', width: c.width ?? 'stretch', items: c.items })),
  ...opts,
});

export type Tone = 'good' | 'warning' | 'attention' | 'accent' | 'default';
/** A one-line status with a colored marker, e.g. "● Healthy". */
export const status = (label: string, tone: Tone): Element => text(`● ${label}`, { color: tone === 'default' ? 'Default' : tone === 'accent' ? 'Accent' : tone[0]!.toUpperCase() + tone.slice(1), weight: 'Bolder', spacing: 'Small' });

export const table = (headers: string[], rows: string[][], widths?: number[]): Element => ({
  type: 'Table',
  gridStyle: 'accent',
  firstRowAsHeaders: true,
  showGridLines: false,
  columns: headers.map((_, i) => ({ width: widths?.[i] ?? 1 })),
  rows: [headers, ...rows].map((cells, r) => ({
    type: 'TableRow',
    ...(r === 0 ? { style: 'accent' } : {}),
    cells: cells.map((c) => ({ type: 'TableCell', items: [text(c, r === 0 ? { weight: 'Bolder' } : {})] })),
  })),
});

export const openUrl = (title: string, url: string): Action => ({ type: 'Action.OpenUrl', title, url });
export const execute = (title: string, verb: string, data: Record<string, unknown> = {}, opts: Record<string, unknown> = {}): Action => ({ type: 'Action.Execute', title, verb, data, ...opts });
export const actionSet = (actions: Action[]): Element => ({ type: 'ActionSet', actions });

export function card(body: Element[], actions: Action[] = [], extra: Partial<Card> = {}): Card {
  return { type: 'AdaptiveCard', $schema: SCHEMA, version: VERSION, body, ...(actions.length ? { actions } : {}), msteams: { width: 'Full' }, ...extra };
}
