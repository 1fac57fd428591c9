// Error answers in the shape Entra ID's token and metadata endpoints use, so MSAL turns them into
// the same exceptions it would in production (InteractionRequiredAuthError for 65001, and so on).
import { randomUUID } from 'node:crypto';
import type { Reply } from '../shared/http.ts';

export interface AadErrorInput {
  status?: number;
  error: string;
  code: number;
  message: string;
  suberror?: string;
  claims?: string;
  correlationId?: string;
  now?: Date;
  /** Where error_uri points: `{base}/error?code=N`. */
  baseUrl?: string;
}

/** `2024-05-01 10:20:30Z`, the timestamp format of AADSTS messages. */
export function aadTimestamp(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

export function aadError(input: AadErrorInput): Reply {
  const now = input.now ?? new Date();
  const traceId = randomUUID();
  const correlationId = input.correlationId || randomUUID();
  const timestamp = aadTimestamp(now);
  const body: Record<string, unknown> = {
    error: input.error,
    error_description: `AADSTS${input.code}: ${input.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [input.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  };
  if (input.baseUrl) body.error_uri = `${input.baseUrl}/error?code=${input.code}`;
  if (input.suberror) body.suberror = input.suberror;
  if (input.claims) body.claims = input.claims;
  return {
    status: input.status ?? 400,
    headers: { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache', 'x-ms-request-id': traceId, 'client-request-id': correlationId },
    body,
  };
}

/** A failure a grant handler raises; the token endpoint turns it into an AAD error reply. */
export class AadFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly code: number,
    message: string,
    readonly suberror?: string,
  ) {
    super(message);
  }
}

/** AADSTS900144: a required form parameter is missing. */
export const missingParameter = (name: string) =>
  new AadFailure(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
