// domain.list — "which domains are federated?", "list our domains", "is fabrikam.com verified?".
// Every domain of the tenant with how people sign in with it (Managed: Entra checks the password;
// Federated: an identity provider such as AD FS does), whether it is verified, default or initial,
// and what it is used for. /domains does not filter (graph reference §1.10) and a tenant has few
// domains, so one GET reads them all and the answer picks: one round trip.
// The question's wording is not looked at: federated domains always come first, so "which are
// federated?" and "list our domains" are both answered by the same list.
import { url } from '../graph/odata.ts';
import type { Parsed } from '../language/intents.ts';
import type { AnswerContext } from './context.ts';

export interface Domain {
  name: string;
  /** 'Managed' or 'Federated'. */
  authenticationType: string;
  verified: boolean;
  isDefault: boolean;
  isInitial: boolean;
  /** 'Email', 'OfficeCommunicationsOnline', 'Intune', … */
  services: string[];
}

export type DomainList =
  | { kind: 'list'; asOf: string; domains: Domain[]; federated: number; unverified: number }
  | { kind: 'one'; asOf: string; domain: Domain }
  | { kind: 'notFound'; asOf: string; query: string; suggestions: string[]; total: number };

interface GraphDomain {
  id: string;
  authenticationType?: string | null;
  isVerified?: boolean | null;
  isDefault?: boolean | null;
  isInitial?: boolean | null;
  supportedServices?: string[] | null;
}

export const DOMAINS_URL = url('/domains', { select: ['id', 'authenticationType', 'isVerified', 'isDefault', 'isInitial', 'supportedServices'] });

const isFederated = (d: Domain) => d.authenticationType.toLowerCase() === 'federated';

/** Federated first, then default, initial, the other verified ones, unverified last; by name within. */
function rank(d: Domain): number {
  return isFederated(d) ? 0 : d.isDefault ? 1 : d.isInitial ? 2 : d.verified ? 3 : 4;
}

/** Typed domains: lower-case, no scheme, path, trailing dot or "@" prefix. */
function normalize(typed: string): string {
  return typed.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^.*@/, '').replace(/[/?#].*$/, '').replace(/\.$/, '');
}

/** Near matches for a domain not in the tenant: same first label, or one is a suffix of the other. */
function nearMatches(query: string, domains: Domain[]): string[] {
  const label = query.split('.')[0] ?? query;
  return domains
    .map((d) => d.name)
    .filter((n) => n.startsWith(`${label}.`) || n.split('.')[0] === label || n.endsWith(`.${query}`) || query.endsWith(`.${n}`) || (label.length >= 4 && n.includes(label)))
    .slice(0, 5);
}

export async function domainList(q: Parsed, ctx: AnswerContext): Promise<DomainList> {
  const body = await ctx.graph.get<{ value: GraphDomain[] }>(DOMAINS_URL);
  const domains = body.value
    .map((d): Domain => ({
      name: d.id,
      authenticationType: d.authenticationType ?? 'Managed',
      verified: d.isVerified === true,
      isDefault: d.isDefault === true,
      isInitial: d.isInitial === true,
      services: d.supportedServices ?? [],
    }))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const asOf = ctx.now.toISOString();
  const typed = q.entities.domain;
  if (typed && typed.trim()) {
    const name = normalize(typed);
    const domain = domains.find((d) => d.name.toLowerCase() === name);
    if (domain) return { kind: 'one', asOf, domain };
    return { kind: 'notFound', asOf, query: typed.trim(), suggestions: nearMatches(name, domains), total: domains.length };
  }
  return { kind: 'list', asOf, domains, federated: domains.filter(isFederated).length, unverified: domains.filter((d) => !d.verified).length };
}
