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
  consent: () => `${ENTRA}/#view/Microsoft_AAD_IAM/ConsentPoliciesMenuBlade/~/UserSettings`,
  roles: () => `${ENTRA}/#view/Microsoft_AAD_IAM/RolesManagementMenuBlade/~/AllRoles`,
  role: (templateId: string) => `${ENTRA}/#view/Microsoft_AAD_IAM/RoleMenuBlade/~/RoleMembers/objectId/${enc(templateId)}`,
  licenses: () => `${ENTRA}/#view/Microsoft_AAD_IAM/LicensesMenuBlade/~/Products`,
  domains: () => `${ENTRA}/#view/Microsoft_AAD_IAM/DomainsManagementMenuBlade/~/CustomDomainNames`,
  connect: () => `${ENTRA}/#view/Microsoft_AAD_Connect_Provisioning/AADConnectMenuBlade/~/GetStarted`,
  signIns: () => `${ENTRA}/#view/Microsoft_AAD_IAM/SignInEventsV3Blade`,
  passwordReset: () => `${ENTRA}/#view/Microsoft_AAD_IAM/PasswordResetMenuBlade/~/Properties`,
  /** Where people change their own password (the self-service page). */
  myPassword: () => 'https://mysignins.microsoft.com/security-info/password/change',
};
