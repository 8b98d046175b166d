import type { Resource } from '../../model';
import type { NormalizedItem } from './item';
import { ItemReader } from './reader';
import { MAPPERS } from './registry';

/**
 * One live resource from its latest configuration item: id = ARN (else `type/resourceId`), name =
 * `resourceName` (a KMS key's name is its key id, which is how other items point at it), live
 * metadata, and the facets of its type (none for types outside MAPPING.md).
 */
export function toResource(item: NormalizedItem, file: string): Resource {
  const reader = new ItemReader(item);
  // Own properties only: a resource type such as `toString` must not find Object.prototype's.
  const mapper = Object.prototype.hasOwnProperty.call(MAPPERS, item.resourceType) ? MAPPERS[item.resourceType] : undefined;
  const facets = mapper ? mapper(reader) : {};
  const fallbackId = item.resourceId ?? item.resourceName ?? `#${item.index}`;
  const name = item.resourceType === 'AWS::KMS::Key' ? (item.resourceId ?? item.resourceName) : item.resourceName;
  const live: NonNullable<Resource['live']> = {};
  if (item.accountId !== undefined) live.accountId = item.accountId;
  if (item.region !== undefined) live.region = item.region;
  if (item.captureTime !== undefined) live.captureTime = item.captureTime;
  if (item.status !== undefined) live.status = item.status;
  const resource: Resource = {
    type: item.resourceType,
    sourceType: item.resourceType,
    id: item.arn ?? `${item.resourceType}/${fallbackId}`,
    tags: { ...item.tags },
    location: { file, format: 'aws-config', ...(item.line === undefined ? {} : { line: item.line }) },
    facets,
    live,
  };
  if (name !== undefined && name !== '') resource.name = name;
  if (item.arn !== undefined) resource.arn = item.arn;
  if (mapper && Object.keys(reader.facetPaths).length > 0) resource.facetPaths = reader.facetPaths;
  return resource;
}
