// Small helpers for asserting on Graph SDK results and errors.
import { expect } from 'vitest';

export interface Collection<T = Record<string, unknown>> {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: T[];
}

export const enc = encodeURIComponent;

export function names(c: Collection): string[] {
  return c.value.map((o) => String(o.displayName ?? o.id)).sort();
}

interface SdkError {
  statusCode?: number;
  code?: string;
  message?: string;
  body?: unknown;
  headers?: { get(name: string): string | null };
}

/** Awaits a Graph SDK call that must fail; returns the SDK's GraphError for more assertions. */
export async function refused(call: Promise<unknown>, status: number, code: string, message?: string | RegExp): Promise<SdkError> {
  let error: SdkError | undefined;
  try {
    await call;
  } catch (err) {
    error = err as SdkError;
  }
  expect(error, 'the request should have been refused').toBeDefined();
  expect({ status: error!.statusCode, code: error!.code }).toEqual({ status, code });
  if (typeof message === 'string') expect(error!.message).toBe(message);
  else if (message) expect(error!.message).toMatch(message);
  return error!;
}

export const ADVANCED_ENDSWITH =
  "Operator 'endsWith' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information";
export const needsAdvanced = (op: string) => ADVANCED_ENDSWITH.replace("'endsWith'", `'${op}'`);
export const SEARCH_NEEDS_HEADER = "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'";
