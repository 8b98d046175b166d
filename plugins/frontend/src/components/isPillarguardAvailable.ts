import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_ARN, ANNOTATION_TAGS } from '@pillarguard/backstage-plugin-common';

/**
 * For `EntitySwitch`: entities that can carry Pillarguard scores — those naming AWS resources, and
 * Components and Systems, which roll up the resources they depend on or contain.
 */
export function isPillarguardAvailable(entity: Entity): boolean {
  const a = entity.metadata.annotations ?? {};
  if (a[ANNOTATION_ARN] !== undefined || a[ANNOTATION_TAGS] !== undefined) return true;
  return ['component', 'system'].includes(entity.kind.toLowerCase());
}
