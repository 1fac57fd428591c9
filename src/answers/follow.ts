// The rest of a list whose first page came back in a $batch. Each further page is one round trip,
// so answers use this only where Graph cannot narrow the list further, always with a bound.
import type { BatchResult, GraphRequest } from '../graph/types.ts';
import type { AnswerContext } from './context.ts';
import { must } from './results.ts';

interface ListPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

export async function followPages<T>(ctx: AnswerContext, first: BatchResult | undefined, request: GraphRequest, max: number): Promise<{ items: T[]; truncated: boolean }> {
  const page = must<ListPage<T>>(first);
  const items = [...(page.value ?? [])];
  let next = page['@odata.nextLink'];
  while (next && items.length < max) {
    // ConsistencyLevel is not carried over by the nextLink: send it again (PAGE).
    const more = await ctx.graph.get<ListPage<T>>({ url: next, ...(request.eventual ? { eventual: true } : {}) });
    items.push(...(more.value ?? []));
    next = more['@odata.nextLink'];
  }
  return { items: items.slice(0, max), truncated: next !== undefined || items.length > max };
}
