// What every answer receives besides the question: who asks, the Graph port, and the clock.
import type { GraphApi } from '../graph/types.ts';

export interface Asker {
  /** Entra object id (Teams `from.aadObjectId`). */
  oid: string;
  /** Display name, when known. */
  name?: string;
  /** UPN, when known (from the token). */
  upn?: string;
}

export interface AnswerContext {
  graph: GraphApi;
  asker: Asker;
  /** The tenant (directory) id, for admin center deep links. */
  tenantId: string;
  now: Date;
}
