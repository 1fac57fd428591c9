// The port through which answers read Microsoft Graph. One implementation (graph/client.ts, over
// @microsoft/microsoft-graph-client) serves the bot, the CLI and the benchmarks; unit tests may
// pass a fake. Answers build URLs with graph/odata.ts, never by hand.

export type GraphVersion = 'v1.0' | 'beta';

export interface GraphRequest {
  /** Relative to the version root, starting with '/': "/users?$filter=…". Built with graph/odata.ts. */
  url: string;
  /** Adds `ConsistencyLevel: eventual`, which Graph requires for advanced queries ($count, $search, ne, not, endsWith …). */
  eventual?: boolean;
  /** Defaults to v1.0. The one beta call the bot makes is /beta/organization (password sync time). */
  version?: GraphVersion;
}

/** Graph's error, as parsed from the JSON error body (or made up when there was no answer). */
export interface GraphErrorInfo {
  status: number;
  /** Graph's error code: Authorization_RequestDenied, Request_ResourceNotFound, TooManyRequests, … */
  code: string;
  message: string;
  /** Graph's request-id (what Microsoft support asks for). */
  requestId?: string;
  clientRequestId?: string;
}

export class GraphError extends Error implements GraphErrorInfo {
  readonly status: number;
  readonly code: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  /** The request that failed (relative URL, no host), for the card's "what failed". */
  readonly url: string;
  constructor(info: GraphErrorInfo, url: string) {
    super(`${info.code}: ${info.message}`);
    this.name = 'GraphError';
    this.status = info.status;
    this.code = info.code;
    if (info.requestId) this.requestId = info.requestId;
    if (info.clientRequestId) this.clientRequestId = info.clientRequestId;
    this.url = url;
  }
}

/** One request's outcome inside a batch: either `body` or `error`. */
export type BatchResult<T = unknown> = { ok: true; status: number; body: T } | { ok: false; status: number; error: GraphError };

export interface Page<T> {
  items: T[];
  /** `@odata.count` when the request asked for it. */
  count?: number;
  /** True when there were more items than the bound allowed. */
  truncated: boolean;
}

export interface GraphApi {
  /** One GET. Throws GraphError. A JSON body is returned parsed; a text/plain body (…/$count) as a number or string. */
  get<T = unknown>(request: GraphRequest | string): Promise<T>;
  /** Up to 20 GETs in one `$batch` round trip; results come back in request order. Never throws for one request's failure. */
  batch(requests: GraphRequest[]): Promise<BatchResult[]>;
  /** Follows @odata.nextLink until `max` items (or the end). Each page is one round trip: use only where Graph cannot filter. */
  collect<T = unknown>(request: GraphRequest | string, max: number): Promise<Page<T>>;
}
