// Resources Graph computes from other data rather than storing: a user's licenseDetails (from
// assignedLicenses and the tenant's subscribedSkus), and the unified RBAC view of directory roles
// (roleManagement/directory/roleAssignments and roleDefinitions). Built per request from the
// tenant as it is now, so nothing can go stale.
import type { GraphObject, Tenant } from '../tenant/types.ts';

function guidBytes(id: string): Buffer {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return Buffer.from(id, 'utf8');
  // .NET Guid byte order, as Graph's composite ids are built from Guid.ToByteArray().
  const b = Buffer.from(hex, 'hex');
  return Buffer.concat([Buffer.from(b.subarray(0, 4)).reverse(), Buffer.from(b.subarray(4, 6)).reverse(), Buffer.from(b.subarray(6, 8)).reverse(), b.subarray(8)]);
}

const b64 = (id: string) => guidBytes(id).toString('base64url');

interface AssignedLicense {
  skuId?: string;
  disabledPlans?: string[];
}
interface ServicePlan {
  servicePlanId?: string;
  servicePlanName?: string;
  provisioningStatus?: string;
  appliesTo?: string;
}

export function licenseDetailsOf(tenant: Tenant, user: GraphObject): GraphObject[] {
  const assigned = Array.isArray(user.assignedLicenses) ? (user.assignedLicenses as AssignedLicense[]) : [];
  const out: GraphObject[] = [];
  for (const a of assigned) {
    if (typeof a.skuId !== 'string') continue;
    const sku = tenant.data.subscribedSkus.find((s) => typeof s.skuId === 'string' && s.skuId.toLowerCase() === a.skuId!.toLowerCase());
    const disabled = new Set((a.disabledPlans ?? []).map((p) => p.toLowerCase()));
    const plans = Array.isArray(sku?.servicePlans) ? (sku.servicePlans as ServicePlan[]) : [];
    out.push({
      id: `${b64(user.id)}${b64(a.skuId)}`,
      skuId: a.skuId,
      skuPartNumber: typeof sku?.skuPartNumber === 'string' ? sku.skuPartNumber : null,
      servicePlans: plans.map((p) => ({
        servicePlanId: p.servicePlanId ?? null,
        servicePlanName: p.servicePlanName ?? null,
        provisioningStatus: p.servicePlanId && disabled.has(p.servicePlanId.toLowerCase()) ? 'Disabled' : (p.provisioningStatus ?? 'Success'),
        appliesTo: p.appliesTo ?? 'User',
      })),
    });
  }
  return out;
}

/** Active role assignments: one per (activated directory role, direct member), at tenant scope. */
export function roleAssignments(tenant: Tenant): GraphObject[] {
  const out: GraphObject[] = [];
  for (const role of tenant.data.directoryRoles) {
    const template = typeof role.roleTemplateId === 'string' ? role.roleTemplateId : role.id;
    for (const principalId of tenant.data.relationships.members[role.id] ?? []) {
      out.push({
        id: `${b64(template)}${b64(principalId)}-1`,
        principalId,
        roleDefinitionId: template,
        directoryScopeId: '/',
        appScopeId: null,
        condition: null,
        principalOrganizationId: tenant.tenantId,
      });
    }
  }
  return out;
}

/** Role definitions for the activated built-in roles (the only ones the tenant files describe). */
export function roleDefinitions(tenant: Tenant): GraphObject[] {
  return tenant.data.directoryRoles.map((role) => {
    const template = typeof role.roleTemplateId === 'string' ? role.roleTemplateId : role.id;
    return {
      id: template,
      description: role.description ?? null,
      displayName: role.displayName ?? null,
      isBuiltIn: true,
      isEnabled: true,
      resourceScopes: ['/'],
      templateId: template,
      version: '1',
      rolePermissions: [],
    };
  });
}
