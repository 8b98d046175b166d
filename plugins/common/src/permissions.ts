import { createPermission } from '@backstage/plugin-permission-common';

/** The catalog's resource type: a policy can then use the catalog's rules (isEntityOwner, …). */
const CATALOG_ENTITY = 'catalog-entity';

/**
 * Reading an entity's Pillarguard scores and findings. A catalog-entity resource permission, so a
 * deployment's policy can use the catalog's own rules (`isEntityOwner`, `isEntityKind`, …) to
 * restrict findings to the owners and the platform team.
 */
export const pillarguardFindingsReadPermission = createPermission({
  name: 'pillarguard.findings.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY,
});

/** Asking for a refresh from an entity page (it re-reads AWS Config; the schedule needs no permission). */
export const pillarguardRefreshPermission = createPermission({
  name: 'pillarguard.refresh',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY,
});

export const pillarguardPermissions = [pillarguardFindingsReadPermission, pillarguardRefreshPermission];
