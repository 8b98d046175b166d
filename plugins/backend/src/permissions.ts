import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading an entity's Pillarguard scores and findings. A catalog-entity resource permission, so a
 * deployment's policy can use the catalog's own rules (`isEntityOwner`, `isEntityKind`, …) to
 * restrict findings to the owners and the platform team.
 */
export const pillarguardFindingsReadPermission = createPermission({
  name: 'pillarguard.findings.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Asking for a refresh from an entity page (it re-reads AWS Config; the schedule needs no permission). */
export const pillarguardRefreshPermission = createPermission({
  name: 'pillarguard.refresh',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

export const pillarguardPermissions = [pillarguardFindingsReadPermission, pillarguardRefreshPermission];
