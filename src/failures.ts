// Turns a failure while answering into the card the person sees. The Graph error decides: a 403
// says what the account could not read and who could; throttling, 5xx and timeouts say "try again"
// with the request id; anything unexpected gets a reference to find it in the logs.
import { renderDenied, renderGraphRefused, renderInternalError, renderUnavailable } from './cards/errors.ts';
import type { Rendered } from './cards/guard.ts';
import { explainDenial } from './graph/denials.ts';
import { GraphError } from './graph/types.ts';

export type FailureKind = 'denied' | 'unavailable' | 'timeout' | 'refused' | 'internal';

export function classify(err: unknown): FailureKind {
  if (!(err instanceof GraphError)) return 'internal';
  if (err.status === 403) return 'denied';
  if (err.code === 'Timeout') return 'timeout';
  if (err.status === 0 || err.status === 429 || err.status >= 500) return 'unavailable';
  return 'refused';
}

export function failureCard(err: unknown, question: string, reference: string): Rendered {
  const kind = classify(err);
  if (kind === 'internal') return renderInternalError(reference);
  const e = err as GraphError;
  switch (kind) {
    case 'denied': {
      const d = explainDenial(e.url);
      return renderDenied(d.what, d.roles, question);
    }
    case 'timeout':
    case 'unavailable':
      return renderUnavailable({ timedOut: kind === 'timeout', ...(e.requestId ? { requestId: e.requestId } : {}), ...(e.clientRequestId ? { clientRequestId: e.clientRequestId } : {}), question });
    default:
      return renderGraphRefused(e.code, e.requestId);
  }
}
