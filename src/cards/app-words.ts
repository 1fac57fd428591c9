// How apps read on cards: sign-in audience, publisher, credential expiry. Shared by the app.lookup,
// app.credentials and app.permissions cards so an app is described the same way everywhere.
// Everything returned is markdown-safe (Graph text goes through md()).
import type { Credential, CredentialKind, CredentialSummary } from '../answers/credentials.ts';
import type { Publisher } from '../answers/publisher.ts';
import { md } from './escape.ts';
import { count, inDays } from './format.ts';

const AUDIENCE: Record<string, string> = {
  AzureADMyOrg: 'Only this organization (single tenant)',
  AzureADMultipleOrgs: 'Any Microsoft Entra organization (multitenant)',
  AzureADandPersonalMicrosoftAccount: 'Any Microsoft Entra organization and personal Microsoft accounts',
  PersonalMicrosoftAccount: 'Personal Microsoft accounts only',
};

export function audienceText(signInAudience: string | undefined): string {
  if (!signInAudience) return 'Not set';
  return AUDIENCE[signInAudience] ?? md(signInAudience);
}

/** "Salesforce, Inc. (verified)", "this organization (contoso.com)", "Microsoft", "unverified publisher". */
export function publisherText(p: Publisher): string {
  const verified = p.verified ? `${md(p.verified)} (verified publisher)` : '';
  switch (p.origin) {
    case 'this-tenant':
      return `This organization${p.domain ? ` (${md(p.domain)})` : ''}${verified ? ` · ${verified}` : ''}`;
    case 'microsoft':
      return 'Microsoft';
    case 'other':
      return verified || `⚠ Unverified publisher${p.tenantId ? ` (tenant ${md(p.tenantId)})` : ''}`;
    default:
      return verified || 'Unknown';
  }
}

export const kindWord = (k: CredentialKind) => (k === 'secret' ? 'Client secret' : 'Certificate');

/** YYYY-MM-DD of an ISO date-time (credentials end on a day; the time adds nothing). */
export const day = (iso: string | undefined) => (iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso).toISOString().slice(0, 10) : '—');

/** "expires in 12 days", "expired yesterday". */
export function dueText(c: Pick<Credential, 'days' | 'expired'>): string {
  return `${c.expired ? 'expired' : 'expires'} ${inDays(c.days)}`;
}

/** One line for an app's credentials: the soonest one and how many have expired. */
export function credentialLine(s: CredentialSummary): string {
  if (!s.count || !s.next) return 'None';
  const n = s.next;
  const label = `${kindWord(n.kind)}${n.name ? ` “${md(n.name)}”` : ''}`;
  if (n.expired) return `⚠ ${s.count === 1 ? label : `All ${count(s.count)}`} ${dueText(n)}${s.count === 1 ? '' : ` (the last one ${day(n.endDateTime)})`}`;
  const warn = n.days <= 30 ? '⚠ ' : '';
  return `${warn}${label} ${dueText(n)} (${day(n.endDateTime)})${s.expired ? ` · ${count(s.expired)} expired` : ''}${s.count > 1 ? ` · ${count(s.count)} in all` : ''}`;
}
