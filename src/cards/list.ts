// A long list on a card: a table of one page, with Previous / Next (Action.Execute `page`) when the
// bot keeps the list for paging. Every list answer renders through here.
import type { ViewOptions } from '../catalog.ts';
import { execute, table, text, type Action, type Element } from './elements.ts';

export const PAGE_SIZE = 10;

export interface PagedTable {
  headers: string[];
  /** Cells already escaped with md(). */
  rows: string[][];
  widths?: number[];
  /** Said instead of a table when there are no rows. */
  empty: string;
  pageSize?: number;
}

export function pageCount(rows: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(rows / pageSize));
}

/** The table element for `view.page` and the navigation actions. */
export function pagedTable(t: PagedTable, view: ViewOptions): { elements: Element[]; actions: Action[]; pages: number } {
  const size = t.pageSize ?? PAGE_SIZE;
  const pages = pageCount(t.rows.length, size);
  if (!t.rows.length) return { elements: [text(t.empty)], actions: [], pages: 1 };
  const page = Math.min(Math.max(0, view.page), pages - 1);
  const slice = t.rows.slice(page * size, (page + 1) * size);
  const elements: Element[] = [table(t.headers, slice, t.widths)];
  const actions: Action[] = [];
  if (pages > 1) {
    elements.push(text(`Page ${page + 1} of ${pages}`, { isSubtle: true, size: 'Small', horizontalAlignment: 'Right' }));
    if (view.answerId) {
      if (page > 0) actions.push(execute('Previous', 'page', { answerId: view.answerId, page: page - 1 }));
      if (page < pages - 1) actions.push(execute('Next', 'page', { answerId: view.answerId, page: page + 1 }));
    }
  }
  return { elements, actions, pages };
}
