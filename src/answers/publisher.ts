// Who publishes an app, as far as Graph v1.0 can tell: the tenant that owns its registration
// (servicePrincipal.appOwnerOrganizationId) and a verified publisher, when the publisher proved its
// identity through the Microsoft partner program (verifiedPublisher). v1.0 has no publisherName on
// servicePrincipal (it is beta only), so those two are what there is.

/**
 * Tenants that own Microsoft's own (first-party) apps: "Microsoft Services" and Microsoft's corporate
 * tenant, the appOwnerOrganizationId of Microsoft Graph, Exchange Online, Teams and the like.
 */
export const MICROSOFT_TENANTS: ReadonlySet<string> = new Set(['f8cdef31-a31e-4b4a-93e4-5f571e91255a', '72f988bf-86f1-41af-91ab-2d7cd011db47']);

export type Origin = 'this-tenant' | 'microsoft' | 'other' | 'unknown';

export interface Publisher {
  origin: Origin;
  /** The verified publisher's name, when there is one. */
  verified?: string;
  /** The owning tenant's id (for 'other'). */
  tenantId?: string;
  /** application.publisherDomain, for registrations in this tenant. */
  domain?: string;
}

export interface GraphVerifiedPublisher {
  displayName?: string | null;
  verifiedPublisherId?: string | null;
}

export function originOf(ownerTenant: string | null | undefined, thisTenant: string): Origin {
  if (!ownerTenant) return 'unknown';
  const t = ownerTenant.toLowerCase();
  if (t === thisTenant.toLowerCase()) return 'this-tenant';
  return MICROSOFT_TENANTS.has(t) ? 'microsoft' : 'other';
}

export function publisherOf(
  o: { appOwnerOrganizationId?: string | null; verifiedPublisher?: GraphVerifiedPublisher | null; publisherDomain?: string | null },
  thisTenant: string,
): Publisher {
  const origin = originOf(o.appOwnerOrganizationId, thisTenant);
  const verified = o.verifiedPublisher?.verifiedPublisherId ? (o.verifiedPublisher.displayName ?? undefined) : undefined;
  return {
    origin,
    ...(verified ? { verified } : {}),
    ...(origin === 'other' && o.appOwnerOrganizationId ? { tenantId: o.appOwnerOrganizationId } : {}),
    ...(o.publisherDomain ? { domain: o.publisherDomain } : {}),
  };
}
