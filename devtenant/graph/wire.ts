// What Graph's responses look like on the wire: headers every response carries, the OData JSON
// content type, and the error body `{"error":{"code","message","innerError":{…}}}`.
import { randomUUID } from 'node:crypto';

export const JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** A refusal with Graph's status, code and message. Thrown anywhere below the server, rendered once. */
export class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphFailure';
  }
}

export const fail = {
  badRequest: (message: string) => new GraphFailure(400, 'BadRequest', message),
  requestBadRequest: (message: string) => new GraphFailure(400, 'Request_BadRequest', message),
  unsupported: (message: string) => new GraphFailure(400, 'Request_UnsupportedQuery', message),
  unsupportedProperty: (property: string, resource: string) =>
    new GraphFailure(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property '${property}' of resource '${resource}'.`),
  needsAdvanced: (operator: string) =>
    new GraphFailure(
      400,
      'Request_UnsupportedQuery',
      `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
    ),
  segment: (segment: string) => new GraphFailure(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  notFound: (id: string) => new GraphFailure(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`),
  denied: () => new GraphFailure(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  method: () => new GraphFailure(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.'),
  token: (message: string) =>
    new GraphFailure(401, 'InvalidAuthenticationToken', message, {
      'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    }),
};

export interface WireIds {
  requestId: string;
  clientRequestId: string;
  date: Date;
}

export function wireIds(clientRequestId: string | undefined, now: Date): WireIds {
  const requestId = randomUUID();
  return { requestId, clientRequestId: clientRequestId && clientRequestId.length <= 200 ? clientRequestId : requestId, date: now };
}

/** Graph's innerError date: seconds precision, no zone designator. */
function innerDate(d: Date): string {
  return d.toISOString().slice(0, 19);
}

export function standardHeaders(ids: WireIds): Record<string, string> {
  return {
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
    'x-ms-ags-diagnostic': JSON.stringify({ ServerInfo: { DataCenter: 'Dev Tenant', Slice: 'E', Ring: '0', ScaleUnit: '000', RoleInstance: 'DEVTENANT' } }),
    'Strict-Transport-Security': 'max-age=31536000',
    'Cache-Control': 'no-cache',
    Date: ids.date.toUTCString(),
  };
}

export function errorBody(code: string, message: string, ids: WireIds): Record<string, unknown> {
  return { error: { code, message, innerError: { date: innerDate(ids.date), 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId } } };
}

/** THR sample: a 429 carries its own innerError shape. */
export function throttledBody(ids: WireIds): Record<string, unknown> {
  return {
    error: {
      code: 'TooManyRequests',
      message: 'Please retry again later.',
      innerError: { code: '429', date: innerDate(ids.date), message: 'Please retry after', 'request-id': ids.requestId, status: '429', 'client-request-id': ids.clientRequestId },
    },
  };
}

/** Error codes for injected server failures (ERR: "serviceNotAvailable", "generalException" …). */
export function serverErrorBody(status: number, ids: WireIds): Record<string, unknown> {
  if (status === 503) return errorBody('serviceNotAvailable', 'The service is not available. Try the request again after a delay. There may be a Retry-After header.', ids);
  if (status === 504) return errorBody('UnknownError', 'The gateway did not receive a response from the service in time.', ids);
  return errorBody('generalException', 'An unspecified error has occurred.', ids);
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  /** Objects are JSON; strings are sent as they are (…/$count). */
  body: unknown;
}

export function jsonResponse(status: number, body: unknown, ids: WireIds, extra: Record<string, string> = {}): WireResponse {
  return { status, headers: { ...standardHeaders(ids), 'Content-Type': JSON_CONTENT_TYPE, 'OData-Version': '4.0', ...extra }, body };
}

export function failureResponse(f: GraphFailure, ids: WireIds): WireResponse {
  return jsonResponse(f.status, errorBody(f.code, f.message, ids), ids, f.headers);
}

export function throttledResponse(status: number, retryAfter: number | undefined, ids: WireIds): WireResponse {
  const headers: Record<string, string> = {};
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  if (status === 429) {
    headers['x-ms-throttle-scope'] = 'Tenant_Application/ReadWrite/devtenant';
    headers['x-ms-throttle-information'] = 'ResourceUnitLimitExceeded';
    return jsonResponse(429, throttledBody(ids), ids, headers);
  }
  return jsonResponse(status, serverErrorBody(status, ids), ids, headers);
}
