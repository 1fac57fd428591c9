// The Graph emulator's optional schema self-check: every JSON body it serves is held against the
// Graph v1.0 type it rendered, so a property the emulator invents (or a fixture carries) shows up
// as a violation instead of passing silently through every test. The type comes from the
// renderer, never from the body: a body that names the wrong type must not vouch for itself.
import { checkGraphObject } from '../tenant/csdl-check.ts';
import type { EntityTypeName } from './schema.ts';

/** What a successful JSON response holds, as the renderer knows it. */
export interface RenderedType {
  /** The entity type rendered; 'directoryObject' for polymorphic collections (items carry @odata.type). */
  type: EntityTypeName;
  /** A `{ "@odata.context", "value": [...] }` collection rather than one entity. */
  collection: boolean;
  beta: boolean;
}

export interface SchemaViolation {
  /** The request URL (path and query), for a $batch part the part's URL under /v1.0. */
  url: string;
  /** 'user', 'Collection(directoryObject)', … */
  type: string;
  problems: string[];
  /** The part's id when the body was a $batch part. */
  batchPart?: string;
}

export interface SchemaChecked {
  url: string;
  type: string;
  /** Top-level objects checked (1 for an entity, the page's items for a collection). */
  objects: number;
  batchPart?: string;
}

/**
 * Properties Graph serves only under /beta. The bot reads organization.onPremisesLastPasswordSyncDateTime
 * from /beta/organization (see devtenant/README.md); nothing else is excused.
 */
const BETA_ONLY: Partial<Record<EntityTypeName, readonly string[]>> = { organization: ['onPremisesLastPasswordSyncDateTime'] };

export function typeLabel(r: RenderedType): string {
  return r.collection ? `Collection(${r.type})` : r.type;
}

function withoutBetaOnly(r: RenderedType, o: unknown): unknown {
  const extra = r.beta ? BETA_ONLY[r.type] : undefined;
  if (!extra || typeof o !== 'object' || o === null || Array.isArray(o)) return o;
  const copy = { ...(o as Record<string, unknown>) };
  for (const name of extra) delete copy[name];
  return copy;
}

/** Problems with a served body, and how many top-level objects were checked. */
export function schemaProblems(r: RenderedType, body: unknown): { problems: string[]; objects: number } {
  if (!r.collection) return { problems: checkGraphObject(r.type, withoutBetaOnly(r, body)), objects: 1 };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problems: [`${typeLabel(r)}: expected a collection object with a value array`], objects: 0 };
  const problems: string[] = [];
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'value' && !/^@odata\.[A-Za-z]+$/.test(key)) problems.push(`${typeLabel(r)}.${key}: not part of a collection response`);
  }
  const value = record.value;
  if (!Array.isArray(value)) {
    problems.push(`${typeLabel(r)}: expected a value array`);
    return { problems, objects: 0 };
  }
  problems.push(...checkGraphObject(r.type, value.map((o) => withoutBetaOnly(r, o))));
  return { problems, objects: value.length };
}
