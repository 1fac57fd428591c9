// What kind of group a Graph group object is, the way the Entra admin center names them: from
// groupTypes ('Unified', 'DynamicMembership'), mailEnabled and securityEnabled (group resource docs).

export type GroupKind = 'microsoft365' | 'security' | 'mailSecurity' | 'distribution' | 'other';

/** The group properties the kind and the "synced or cloud" note need. */
export const GROUP_KIND_SELECT = ['groupTypes', 'mailEnabled', 'securityEnabled', 'onPremisesSyncEnabled'] as const;

export interface GraphGroupKind {
  groupTypes?: string[] | null;
  mailEnabled?: boolean | null;
  securityEnabled?: boolean | null;
  onPremisesSyncEnabled?: boolean | null;
}

export function groupKind(g: GraphGroupKind): GroupKind {
  if (g.groupTypes?.includes('Unified')) return 'microsoft365';
  if (g.securityEnabled && g.mailEnabled) return 'mailSecurity';
  if (g.securityEnabled) return 'security';
  if (g.mailEnabled) return 'distribution';
  return 'other';
}

export const isDynamic = (g: GraphGroupKind) => g.groupTypes?.includes('DynamicMembership') === true;
export const isSynced = (g: GraphGroupKind) => g.onPremisesSyncEnabled === true;
