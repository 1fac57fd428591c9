import { describe, expect, it } from 'vitest';
import { catalogSkuCovers, plansFor, targetOf, WORKLOADS } from '../../src/helpdesk/workloads.ts';
import { SKUS } from '../../src/knowledge/skus.ts';

describe('what a person named', () => {
  it.each([
    ['Outlook', 'exchange'],
    ['email', 'exchange'],
    ['my mailbox', 'exchange'],
    ['SharePoint', 'sharepoint'],
    ['SharePoint Online', 'sharepoint'],
    ['OneDrive', 'onedrive'],
    ['Microsoft Teams', 'teams'],
    ['Excel', 'office'],
    ['Power BI', 'powerbi'],
  ])('"%s" is the workload %s', (asked, id) => {
    expect(targetOf(asked)).toEqual({ kind: 'workload', workload: id, asked });
  });

  it.each(['VPN', 'Microsoft Authenticator', 'office 365', 'the wifi'])('"%s" is about signing in, not a licensed workload', (asked) => {
    expect(targetOf(asked)).toEqual({ kind: 'sign-in', asked });
  });

  it('anything else is an enterprise app; nothing named is signing in', () => {
    expect(targetOf('Salesforce')).toEqual({ kind: 'app', asked: 'Salesforce' });
    expect(targetOf('Contoso HR Portal')).toEqual({ kind: 'app', asked: 'Contoso HR Portal' });
    expect(targetOf(undefined)).toEqual({ kind: 'sign-in' });
    expect(targetOf('  ')).toEqual({ kind: 'sign-in' });
  });
});

describe('which plans serve a workload (licensing catalog names)', () => {
  const plan = (servicePlanName: string, provisioningStatus = 'Success') => ({ skuId: 's', skuPartNumber: 'P', servicePlanName, provisioningStatus });

  it('mailbox plans count for Exchange, the foundation plan does not', () => {
    expect(plansFor('exchange', [plan('EXCHANGE_S_ENTERPRISE'), plan('EXCHANGE_S_FOUNDATION'), plan('EXCHANGE_S_DESKLESS')]).map((p) => p.servicePlanName)).toEqual(['EXCHANGE_S_ENTERPRISE', 'EXCHANGE_S_DESKLESS']);
  });

  it('SharePoint plans count for SharePoint and OneDrive; Office for the web does not', () => {
    expect(plansFor('sharepoint', [plan('SHAREPOINTWAC'), plan('SHAREPOINTSTANDARD')]).map((p) => p.servicePlanName)).toEqual(['SHAREPOINTSTANDARD']);
    expect(plansFor('onedrive', [plan('SHAREPOINTENTERPRISE'), plan('ONEDRIVE_BASIC')])).toHaveLength(2);
  });

  it('every workload is served by some SKU of the catalog, and the catalog agrees with the plans', () => {
    for (const w of Object.values(WORKLOADS)) {
      const covering = SKUS.filter((s) => s.servicePlans.some((p) => w.plans.test(p)));
      expect(covering.length, w.id).toBeGreaterThan(0);
      expect(catalogSkuCovers(covering[0]!.skuPartNumber, w.id)).toBe(true);
    }
    expect(catalogSkuCovers('SPE_E3', 'sharepoint')).toBe(true);
    expect(catalogSkuCovers('EXCHANGESTANDARD', 'sharepoint')).toBe(false);
    expect(catalogSkuCovers('EMS', 'exchange')).toBe(false);
  });
});
