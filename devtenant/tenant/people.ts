// User objects as Graph v1.0 returns them with every property selected: members (synced from
// on-premises AD through Entra Connect, or cloud-only) and B2B guests. One builder serves the
// generator and the hand-written personas of the sample tenant, so both look the same on the wire.
import type { GraphObject } from './types.ts';
import type { Random } from './random.ts';
import { asciiFold, type Office } from './names.ts';
import { DAY, HOUR, MINUTE, iso } from './time.ts';

/** The tenant facts every object builder needs. */
export interface DirectoryContext {
  tenantId: string;
  orgName: string;
  /** Default verified domain: UPNs and mail. */
  domain: string;
  /** The *.onmicrosoft.com domain: guests' UPNs, fallback UPNs. */
  initialDomain: string;
  /** On-premises AD DNS name and NetBIOS name, and the AD domain SID. */
  adDomain: string;
  netbios: string;
  domainSid: string;
  /** Generation time (ms); every date is relative to it. */
  now: number;
  /** Next relative id for on-premises SIDs. */
  nextRid: number;
  /** Minutes since Entra Connect's last sync cycle (organization.onPremisesLastSyncDateTime). */
  lastSyncMinutesAgo: number;
}

export interface License {
  skuId: string;
  disabledPlans: string[];
}

export interface ProvisioningErrorSpec {
  propertyCausingError: 'ProxyAddress' | 'UserPrincipalName';
  value: string;
  daysAgo: number;
}

export interface MemberSpec {
  id: string;
  givenName: string;
  surname: string;
  /** Mail nickname: the local part of mail and (usually) of the UPN. */
  alias: string;
  department: string | null;
  jobTitle: string | null;
  office: Office | null;
  synced: boolean;
  /**
   * Minutes since Entra Connect last exported the object (synced users). Defaults to the last sync
   * cycle; never less than it, since no object is synced after the tenant's last cycle.
   */
  syncAgeMinutes?: number;
  accountEnabled?: boolean;
  createdDaysAgo: number;
  passwordAgeDays: number;
  /** Days since the last interactive sign-in; null when the user never signed in (Graph omits signInActivity). */
  lastSignInDaysAgo: number | null;
  licenses?: License[];
  employeeType?: string | null;
  companyName?: string | null;
  employeeId?: string | null;
  samAccountName?: string;
  /** Cloud UPN when it is not alias@domain (an on-premises UPN that conflicted). */
  userPrincipalName?: string;
  mail?: string | null;
  proxyAddresses?: string[];
  onPremisesUserPrincipalName?: string;
  provisioningErrors?: ProvisioningErrorSpec[];
  passwordPolicies?: string | null;
  mobilePhone?: string | null;
}

export interface GuestSpec {
  id: string;
  givenName: string;
  surname: string;
  /** The guest's own address at home (alice@fabrikam.com). */
  email: string;
  state: 'Accepted' | 'PendingAcceptance';
  invitedDaysAgo: number;
  lastSignInDaysAgo: number | null;
  accountEnabled?: boolean;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** The sAMAccountName AD would give: first initial + surname, at most 20 characters. */
export function defaultSamAccountName(givenName: string, surname: string): string {
  return `${asciiFold(givenName).slice(0, 1)}${asciiFold(surname)}`.toLowerCase().slice(0, 20);
}

function signInActivity(daysAgo: number | null, enabled: boolean, ctx: DirectoryContext, rng: Random): Record<string, unknown> | undefined {
  if (daysAgo === null) return undefined;
  const interactive = ctx.now - daysAgo * DAY - rng.int(5, 600) * MINUTE;
  // Token refreshes keep non-interactive sign-ins more recent than interactive ones while the account works.
  const nonInteractive = enabled ? Math.min(ctx.now - rng.int(2, 240) * MINUTE, interactive + rng.int(1, 48) * HOUR) : interactive;
  return {
    lastSignInDateTime: iso(interactive),
    lastSignInRequestId: rng.guid(),
    lastNonInteractiveSignInDateTime: iso(Math.max(interactive, nonInteractive)),
    lastNonInteractiveSignInRequestId: rng.guid(),
    lastSuccessfulSignInDateTime: iso(Math.max(interactive, nonInteractive)),
    lastSuccessfulSignInRequestId: rng.guid(),
  };
}

const dcCache = new Map<string, string>();

/** corp.contoso.com → DC=corp,DC=contoso,DC=com */
function domainComponents(dns: string): string {
  let dc = dcCache.get(dns);
  if (dc === undefined) {
    dc = dns
      .split('.')
      .map((p) => `DC=${p}`)
      .join(',');
    dcCache.set(dns, dc);
  }
  return dc;
}

function escapeDn(value: string): string {
  return value.replace(/([,\\#+<>;"=])/g, '\\$1');
}

export function buildMember(spec: MemberSpec, ctx: DirectoryContext, rng: Random): GraphObject {
  const enabled = spec.accountEnabled ?? true;
  const displayName = `${spec.givenName} ${spec.surname}`;
  const upn = spec.userPrincipalName ?? `${spec.alias}@${ctx.domain}`;
  const mail = spec.mail === undefined ? `${spec.alias}@${ctx.domain}` : spec.mail;
  const proxyAddresses = spec.proxyAddresses ?? (mail ? [`SMTP:${mail}`, `smtp:${spec.alias}@${ctx.initialDomain}`] : []);
  const created = ctx.now - spec.createdDaysAgo * DAY - rng.int(0, 8 * 60) * MINUTE;
  const office = spec.office;
  const sam = spec.samAccountName ?? defaultSamAccountName(spec.givenName, spec.surname);
  const syncAge = Math.max(spec.syncAgeMinutes ?? ctx.lastSyncMinutesAgo, ctx.lastSyncMinutesAgo);
  const onPrem = spec.synced
    ? {
        onPremisesDistinguishedName: `CN=${escapeDn(displayName)},OU=${escapeDn(spec.department ?? 'Staff')},OU=Users,OU=${escapeDn(ctx.orgName)},${domainComponents(ctx.adDomain)}`,
        onPremisesDomainName: ctx.adDomain,
        onPremisesImmutableId: base64(rng.bytes(16)),
        onPremisesLastSyncDateTime: iso(ctx.now - syncAge * MINUTE - rng.int(1, 90) * 1000),
        onPremisesSamAccountName: sam,
        onPremisesSecurityIdentifier: `${ctx.domainSid}-${ctx.nextRid++}`,
        onPremisesSyncEnabled: true,
        onPremisesUserPrincipalName: spec.onPremisesUserPrincipalName ?? upn,
      }
    : {
        onPremisesDistinguishedName: null,
        onPremisesDomainName: null,
        onPremisesImmutableId: null,
        onPremisesLastSyncDateTime: null,
        onPremisesSamAccountName: null,
        onPremisesSecurityIdentifier: null,
        onPremisesSyncEnabled: null,
        onPremisesUserPrincipalName: null,
      };
  const user: GraphObject = {
    id: spec.id,
    accountEnabled: enabled,
    assignedLicenses: (spec.licenses ?? []).map((l) => ({ disabledPlans: l.disabledPlans, skuId: l.skuId })),
    businessPhones: office ? [`${office.phone}${String(rng.int(100, 199)).padStart(4, '0')}`] : [],
    city: office?.city ?? null,
    companyName: spec.companyName === undefined ? ctx.orgName : spec.companyName,
    country: office?.country ?? null,
    createdDateTime: iso(created),
    creationType: null,
    department: spec.department,
    displayName,
    employeeId: spec.employeeId ?? null,
    employeeType: spec.employeeType === undefined ? 'Employee' : spec.employeeType,
    externalUserState: null,
    externalUserStateChangeDateTime: null,
    givenName: spec.givenName,
    identities: [{ signInType: 'userPrincipalName', issuer: ctx.initialDomain, issuerAssignedId: upn }],
    jobTitle: spec.jobTitle,
    lastPasswordChangeDateTime: iso(Math.max(created, ctx.now - spec.passwordAgeDays * DAY - rng.int(0, 600) * MINUTE)),
    mail,
    mailNickname: spec.alias,
    mobilePhone: spec.mobilePhone === undefined ? null : spec.mobilePhone,
    officeLocation: office?.officeLocation ?? null,
    ...onPrem,
    onPremisesProvisioningErrors: (spec.provisioningErrors ?? []).map((e) => ({
      category: 'PropertyConflict',
      occurredDateTime: iso(ctx.now - e.daysAgo * DAY - rng.int(0, 23) * HOUR),
      propertyCausingError: e.propertyCausingError,
      value: e.value,
    })),
    otherMails: [],
    // Entra Connect sets DisablePasswordExpiration on users whose password hash it syncs.
    passwordPolicies: spec.passwordPolicies === undefined ? (spec.synced ? 'DisablePasswordExpiration' : null) : spec.passwordPolicies,
    postalCode: office?.postalCode ?? null,
    preferredLanguage: office?.preferredLanguage ?? null,
    proxyAddresses,
    state: office?.state ?? null,
    streetAddress: office?.streetAddress ?? null,
    surname: spec.surname,
    usageLocation: office?.usageLocation ?? null,
    userPrincipalName: upn,
    userType: 'Member',
  };
  const activity = signInActivity(spec.lastSignInDaysAgo, enabled, ctx, rng);
  if (activity) user.signInActivity = activity;
  return user;
}

/** A B2B guest: UPN `alice_fabrikam.com#EXT#@contoso.onmicrosoft.com`, invited by mail. */
export function buildGuest(spec: GuestSpec, ctx: DirectoryContext, rng: Random): GraphObject {
  const upn = `${spec.email.replace('@', '_')}#EXT#@${ctx.initialDomain}`;
  const invited = ctx.now - spec.invitedDaysAgo * DAY - rng.int(0, 600) * MINUTE;
  const accepted = spec.state === 'Accepted';
  const stateChanged = accepted ? Math.min(ctx.now - MINUTE, invited + rng.int(5, 3 * 24 * 60) * MINUTE) : invited;
  const user: GraphObject = {
    id: spec.id,
    accountEnabled: spec.accountEnabled ?? true,
    assignedLicenses: [],
    businessPhones: [],
    city: null,
    companyName: null,
    country: null,
    createdDateTime: iso(invited),
    creationType: 'Invitation',
    department: null,
    displayName: `${spec.givenName} ${spec.surname}`,
    employeeId: null,
    employeeType: null,
    externalUserState: spec.state,
    externalUserStateChangeDateTime: iso(stateChanged),
    givenName: spec.givenName,
    // Before redemption the guest can only be found by UPN; after it, the home tenant vouches for them.
    identities: accepted
      ? [{ signInType: 'federated', issuer: 'ExternalAzureAD', issuerAssignedId: null }]
      : [{ signInType: 'userPrincipalName', issuer: ctx.initialDomain, issuerAssignedId: upn }],
    jobTitle: null,
    lastPasswordChangeDateTime: iso(invited),
    mail: spec.email,
    mailNickname: `${spec.email.replace('@', '_')}#EXT#`,
    mobilePhone: null,
    officeLocation: null,
    onPremisesDistinguishedName: null,
    onPremisesDomainName: null,
    onPremisesImmutableId: null,
    onPremisesLastSyncDateTime: null,
    onPremisesProvisioningErrors: [],
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    onPremisesUserPrincipalName: null,
    otherMails: [spec.email],
    passwordPolicies: null,
    postalCode: null,
    preferredLanguage: null,
    proxyAddresses: [`SMTP:${spec.email}`],
    state: null,
    streetAddress: null,
    surname: spec.surname,
    usageLocation: null,
    userPrincipalName: upn,
    userType: 'Guest',
  };
  const activity = accepted ? signInActivity(spec.lastSignInDaysAgo, true, ctx, rng) : undefined;
  if (activity) user.signInActivity = activity;
  return user;
}
