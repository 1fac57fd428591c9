// Built-in Entra directory roles the bot talks about: template ids (also the roleDefinitionId in
// roleManagement), display names, and the abbreviations admins type. Template ids are the
// published, fixed ids of the built-in roles.

export interface RoleInfo {
  templateId: string;
  displayName: string;
  /** Lower-case words and abbreviations people use for the role ("ga", "global admin"). */
  aliases: string[];
  /** True for roles that may read every user's sign-in activity (with AuditLog.Read.All). */
  readsSignInActivity?: boolean;
}

export const ROLES: readonly RoleInfo[] = [
  { templateId: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator', aliases: ['ga', 'global admin', 'global admins', 'global administrators', 'company administrator', 'tenant admin', 'tenant admins'], readsSignInActivity: true },
  { templateId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', displayName: 'Global Reader', aliases: ['gr', 'global readers', 'read-only admin'], readsSignInActivity: true },
  { templateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1', displayName: 'User Administrator', aliases: ['user admin', 'user admins', 'useradmin'] },
  { templateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8', displayName: 'Helpdesk Administrator', aliases: ['helpdesk admin', 'helpdesk admins', 'help desk admin', 'help desk administrator', 'password reset admin'] },
  { templateId: '966707d0-3269-4727-9be2-8c3a10f19b9d', displayName: 'Password Administrator', aliases: ['password admin', 'password admins'] },
  { templateId: 'c4e39bd9-1100-46d3-8c65-fb160da0071f', displayName: 'Authentication Administrator', aliases: ['authentication admin', 'auth admin', 'auth admins'] },
  { templateId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', displayName: 'Application Administrator', aliases: ['app admin', 'app admins', 'application admin', 'application admins'] },
  { templateId: '158c047a-c907-4556-b7ef-446551a6b5f7', displayName: 'Cloud Application Administrator', aliases: ['cloud app admin', 'cloud app admins', 'cloud application admin', 'caa'] },
  { templateId: '4d6ac14f-3453-41d0-bef9-a3e0c569773a', displayName: 'License Administrator', aliases: ['license admin', 'license admins', 'licence admin', 'licensing admin'] },
  { templateId: '194ae4cb-b126-40b2-bd5b-6091b380977d', displayName: 'Security Administrator', aliases: ['security admin', 'security admins', 'secadmin'], readsSignInActivity: true },
  { templateId: '5d6b6bb7-de71-4623-b4af-96380a352509', displayName: 'Security Reader', aliases: ['security readers', 'sec reader'], readsSignInActivity: true },
  { templateId: '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f', displayName: 'Security Operator', aliases: ['security operators', 'secops'], readsSignInActivity: true },
  { templateId: '4a5d8f65-41da-4de4-8968-e035b65339cf', displayName: 'Reports Reader', aliases: ['reports readers', 'report reader'], readsSignInActivity: true },
  { templateId: '29232cdf-9323-42fd-ade2-1d097af3e4de', displayName: 'Exchange Administrator', aliases: ['exchange admin', 'exchange admins', 'exo admin'] },
  { templateId: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', displayName: 'SharePoint Administrator', aliases: ['sharepoint admin', 'sharepoint admins', 'spo admin'] },
  { templateId: '69091246-20e8-4a56-aa4d-066075b2a7a8', displayName: 'Teams Administrator', aliases: ['teams admin', 'teams admins', 'teams service admin'] },
  { templateId: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', displayName: 'Hybrid Identity Administrator', aliases: ['hybrid identity admin', 'hybrid admin', 'entra connect admin', 'aad connect admin'] },
  { templateId: 'e8611ab8-c189-46e8-94e1-60213ab1f814', displayName: 'Privileged Role Administrator', aliases: ['privileged role admin', 'pra', 'role admin'] },
  { templateId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', displayName: 'Directory Readers', aliases: ['directory reader', 'dir readers'] },
  { templateId: '9360feb5-f418-4baa-8175-e2a00bac4301', displayName: 'Directory Writers', aliases: ['directory writer', 'dir writers'] },
  { templateId: '3a2c62db-5318-420d-8d74-23affee5d9d5', displayName: 'Intune Administrator', aliases: ['intune admin', 'intune admins', 'endpoint admin'] },
  { templateId: 'b0f54661-2d74-4c50-afa3-1ec803f12efe', displayName: 'Billing Administrator', aliases: ['billing admin', 'billing admins'] },
  { templateId: '17315797-102d-40b4-93e0-432062caca18', displayName: 'Compliance Administrator', aliases: ['compliance admin', 'compliance admins'] },
  { templateId: 'f023fd81-a637-4b56-95fd-791ac0226033', displayName: 'Service Support Administrator', aliases: ['service support admin', 'service admin'] },
];

const byTemplate = new Map(ROLES.map((r) => [r.templateId, r]));

export function roleByTemplateId(id: string): RoleInfo | undefined {
  return byTemplate.get(id.toLowerCase());
}

export function roleByName(name: string): RoleInfo | undefined {
  const n = name.trim().toLowerCase();
  return ROLES.find((r) => r.displayName.toLowerCase() === n || r.aliases.includes(n));
}

export const GLOBAL_ADMINISTRATOR = ROLES[0]!;
