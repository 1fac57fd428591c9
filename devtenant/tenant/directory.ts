// Tenant-wide objects: the organization, its domains, activated directory roles, the Entra Connect
// sync settings (directory/onPremisesSynchronization) and the authorization policy.
import { ROLES, type RoleInfo } from '../../src/knowledge/roles.ts';
import type { GraphObject } from './types.ts';
import type { DirectoryContext } from './people.ts';
import type { Random } from './random.ts';
import { DAY, MINUTE, iso } from './time.ts';

export interface DomainSpec {
  name: string;
  authenticationType: 'Managed' | 'Federated';
  isDefault?: boolean;
  isInitial?: boolean;
  isVerified?: boolean;
  supportedServices?: string[];
}

export function defaultDomains(ctx: DirectoryContext): DomainSpec[] {
  return [
    { name: ctx.initialDomain, authenticationType: 'Managed', isInitial: true, supportedServices: ['Email', 'OfficeCommunicationsOnline'] },
    { name: ctx.domain, authenticationType: 'Managed', isDefault: true, supportedServices: ['Email', 'OfficeCommunicationsOnline', 'Intune'] },
  ];
}

export function buildDomain(d: DomainSpec): GraphObject {
  const verified = d.isVerified ?? true;
  return {
    id: d.name,
    authenticationType: d.authenticationType,
    availabilityStatus: null,
    isAdminManaged: true,
    isDefault: d.isDefault ?? false,
    isInitial: d.isInitial ?? false,
    isRoot: true,
    isVerified: verified,
    passwordNotificationWindowInDays: verified ? 14 : null,
    passwordValidityPeriodInDays: verified ? 2147483647 : null,
    supportedServices: verified ? (d.supportedServices ?? ['Email']) : [],
    state: null,
  };
}

export function buildOrganization(ctx: DirectoryContext, domains: readonly DomainSpec[], syncedMinutesAgo: number): GraphObject {
  return {
    id: ctx.tenantId,
    deletedDateTime: null,
    businessPhones: ['+1 425 555 0100'],
    city: 'Redmond',
    country: null,
    countryLetterCode: 'US',
    createdDateTime: iso(ctx.now - 2250 * DAY),
    defaultUsageLocation: 'US',
    displayName: ctx.orgName,
    marketingNotificationEmails: [],
    mobileDeviceManagementAuthority: 'intune',
    onPremisesLastSyncDateTime: iso(ctx.now - syncedMinutesAgo * MINUTE),
    onPremisesSyncEnabled: true,
    partnerTenantType: null,
    postalCode: '98052',
    preferredLanguage: 'en',
    privacyProfile: { contactEmail: `privacy@${ctx.domain}`, statementUrl: `https://www.${ctx.domain}/privacy` },
    securityComplianceNotificationMails: [`security@${ctx.domain}`],
    securityComplianceNotificationPhones: [],
    state: 'WA',
    street: '4567 Main St',
    technicalNotificationMails: [`itadmins@${ctx.domain}`],
    tenantType: 'AAD',
    verifiedDomains: domains
      .filter((d) => d.isVerified ?? true)
      .map((d) => ({
        capabilities: (d.supportedServices ?? ['Email']).filter((s) => s !== 'Intune').join(', '),
        isDefault: d.isDefault ?? false,
        isInitial: d.isInitial ?? false,
        name: d.name,
        type: d.authenticationType,
      })),
  };
}

/** What the Microsoft Entra admin center shows for each role (the role definitions' descriptions). */
const ROLE_DESCRIPTIONS: Record<string, string> = {
  'Global Administrator': 'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.',
  'Global Reader': 'Can read everything that a Global Administrator can, but not update anything.',
  'User Administrator': 'Can manage all aspects of users and groups, including resetting passwords for limited admins.',
  'Helpdesk Administrator': 'Can reset passwords for non-administrators and Helpdesk Administrators.',
  'Password Administrator': 'Can reset passwords for non-administrators and Password Administrators.',
  'Authentication Administrator': 'Can access to view, set and reset authentication method information for any non-admin user.',
  'Application Administrator': 'Can create and manage all aspects of app registrations and enterprise apps.',
  'Cloud Application Administrator': 'Can create and manage all aspects of app registrations and enterprise apps except App Proxy.',
  'License Administrator': 'Can manage product licenses on users and groups.',
  'Security Administrator': 'Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.',
  'Security Reader': 'Can read security information and reports in Microsoft Entra ID and Office 365.',
  'Security Operator': 'Creates and manages security events.',
  'Reports Reader': 'Can read sign-in and audit reports.',
  'Exchange Administrator': 'Can manage all aspects of the Exchange product.',
  'SharePoint Administrator': 'Can manage all aspects of the SharePoint service.',
  'Teams Administrator': 'Can manage the Microsoft Teams service.',
  'Hybrid Identity Administrator': 'Can manage Active Directory to Microsoft Entra cloud provisioning, Microsoft Entra Connect, pass-through authentication, password hash synchronization, seamless single sign-on, and federation settings.',
  'Privileged Role Administrator': 'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.',
  'Directory Readers': 'Can read basic directory information. Commonly used to grant directory read access to applications and guests.',
  'Directory Writers': 'Can read and write basic directory information. For granting access to applications, not intended for users.',
  'Intune Administrator': 'Can manage all aspects of the Intune product.',
  'Billing Administrator': 'Can perform common billing related tasks like updating payment information.',
  'Compliance Administrator': 'Can read and manage compliance configuration and reports in Microsoft Entra ID and Microsoft 365.',
  'Service Support Administrator': 'Can read service health information and manage support tickets.',
};

export function roleByDisplayName(name: string): RoleInfo {
  const role = ROLES.find((r) => r.displayName === name);
  if (!role) throw new Error(`role ${name} is not in src/knowledge/roles.ts`);
  return role;
}

/** An activated directory role (/directoryRoles lists only roles that were ever assigned). */
export function buildDirectoryRole(name: string, rng: Random): GraphObject {
  const role = roleByDisplayName(name);
  return { id: rng.guid(), deletedDateTime: null, description: ROLE_DESCRIPTIONS[name] ?? null, displayName: role.displayName, roleTemplateId: role.templateId };
}

export interface SyncFeatures {
  passwordSyncEnabled: boolean;
  passwordWritebackEnabled: boolean;
}

/** directory/onPremisesSynchronization: Entra Connect with password hash sync and the Entra defaults. */
export function buildOnPremisesSynchronization(ctx: DirectoryContext, f: SyncFeatures): GraphObject {
  return {
    id: ctx.tenantId,
    configuration: { accidentalDeletionPrevention: { synchronizationPreventionType: 'enabledForCount', alertThreshold: 500 } },
    features: {
      allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled: false,
      blockCloudObjectTakeoverThroughHardMatchEnabled: false,
      blockSoftMatchEnabled: false,
      bypassDirSyncOverridesEnabled: false,
      cloudPasswordPolicyForPasswordSyncedUsersEnabled: false,
      concurrentCredentialUpdateEnabled: false,
      concurrentOrgIdProvisioningEnabled: true,
      deviceWritebackEnabled: false,
      directoryExtensionsEnabled: false,
      fopeConflictResolutionEnabled: false,
      groupWriteBackEnabled: false,
      passwordSyncEnabled: f.passwordSyncEnabled,
      passwordWritebackEnabled: f.passwordWritebackEnabled,
      quarantineUponProxyAddressesConflictEnabled: true,
      quarantineUponUpnConflictEnabled: true,
      softMatchOnUpnEnabled: true,
      synchronizeUpnForManagedUsersEnabled: true,
      unifiedGroupWritebackEnabled: false,
      userForcePasswordChangeOnLogonEnabled: false,
      userWritebackEnabled: false,
    },
  };
}

/** policies/authorizationPolicy with Entra's defaults (members may read other users). */
export function buildAuthorizationPolicy(): GraphObject {
  return {
    id: 'authorizationPolicy',
    deletedDateTime: null,
    allowInvitesFrom: 'everyone',
    allowedToSignUpEmailBasedSubscriptions: true,
    allowedToUseSSPR: true,
    allowEmailVerifiedUsersToJoinOrganization: false,
    allowUserConsentForRiskyApps: null,
    blockMsolPowerShell: false,
    description: 'Used to manage authorization related settings across the company.',
    displayName: 'Authorization Policy',
    guestUserRoleId: '10dae51f-b6af-4016-8d66-8c2a99b929b3',
    defaultUserRolePermissions: {
      allowedToCreateApps: true,
      allowedToCreateSecurityGroups: true,
      allowedToCreateTenants: true,
      allowedToReadBitlockerKeysForOwnedDevice: true,
      allowedToReadOtherUsers: true,
      permissionGrantPoliciesAssigned: ['ManagePermissionGrantsForSelf.microsoft-user-default-legacy'],
    },
  };
}
