// Deep links into the Microsoft Entra admin center, where people manage what the bot describes.
// One place, so a portal URL change is one edit.

const ENTRA = 'https://entra.microsoft.com';
const enc = encodeURIComponent;

export const links = {
  tenantOverview: () => `${ENTRA}/#view/Microsoft_AAD_IAM/TenantOverview.ReactView`,
  users: () => `${ENTRA}/#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers`,
  user: (id: string) => `${ENTRA}/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${enc(id)}`,
  userSignIns: (id: string) => `${ENTRA}/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/SignIns/userId/${enc(id)}`,
  group: (id: string) => `${ENTRA}/#view/Microsoft_AAD_IAM/GroupDetailsMenuBlade/~/Overview/groupId/${enc(id)}`,
  groups: () => `${ENTRA}/#view/Microsoft_AAD_IAM/GroupsManagementMenuBlade/~/AllGroups`,
  appRegistration: (appId: string) => `${ENTRA}/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Overview/appId/${enc(appId)}`,
  appRegistrations: () => `${ENTRA}/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade`,
  enterpriseApp: (spId: string, appId: string) => `${ENTRA}/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Overview/objectId/${enc(spId)}/appId/${enc(appId)}`,
  enterpriseApps: () => `${ENTRA}/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview`,
  /** An app registration's Certificates & secrets page. */
  appCredentials: (appId: string) => `${ENTRA}/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Credentials/appId/${enc(appId)}`,
  /** An enterprise app's single sign-on page (where SAML signing certificates are renewed). */
  enterpriseAppSignOn: (spId: string, appId: string) => `${ENTRA}/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/SignOn/objectId/${enc(spId)}/appId/${enc(appId)}`,
  /** An enterprise app's Permissions page (admin and user consent). */
  enterpriseAppPermissions: (spId: string, appId: string) => `${ENTRA}/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Permissions/objectId/${enc(spId)}/appId/${enc(appId)}`,
  consent: () => `${ENTRA}/#view/Microsoft_AAD_IAM/ConsentPoliciesMenuBlade/~/UserSettings`,
  roles: () => `${ENTRA}/#view/Microsoft_AAD_IAM/RolesManagementMenuBlade/~/AllRoles`,
  role: (templateId: string) => `${ENTRA}/#view/Microsoft_AAD_IAM/RoleMenuBlade/~/RoleMembers/objectId/${enc(templateId)}`,
  licenses: () => `${ENTRA}/#view/Microsoft_AAD_IAM/LicensesMenuBlade/~/Products`,
  domains: () => `${ENTRA}/#view/Microsoft_AAD_IAM/DomainsManagementMenuBlade/~/CustomDomainNames`,
  connect: () => `${ENTRA}/#view/Microsoft_AAD_Connect_Provisioning/AADConnectMenuBlade/~/GetStarted`,
  signIns: () => `${ENTRA}/#view/Microsoft_AAD_IAM/SignInEventsV3Blade`,
  passwordReset: () => `${ENTRA}/#view/Microsoft_AAD_IAM/PasswordResetMenuBlade/~/Properties`,
  groupMembers: (id: string) => `${ENTRA}/#view/Microsoft_AAD_IAM/GroupDetailsMenuBlade/~/Members/groupId/${enc(id)}`,
  userRoles: (id: string) => `${ENTRA}/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/AdministrativeRole/userId/${enc(id)}`,
  /** Entra Connect Health's sync errors (the blade's id really is spelled "SyncErros"). */
  syncErrors: () => `${ENTRA}/#view/Microsoft_Azure_ADHybridHealth/AadHealthMenuBlade/~/SyncErros`,
  /** The Microsoft 365 admin center (billing, services, the tenant's Microsoft 365 side). */
  m365Admin: () => 'https://admin.microsoft.com/',
  /** Where people change their own password (the self-service page). */
  myPassword: () => 'https://mysignins.microsoft.com/security-info/password/change',
};
