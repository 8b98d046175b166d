import type { Resource, SourceResult, V } from '../../model';
import { isUnknown } from '../../model';
import { PolicyResolver } from './policy';
import { TfReader, literalSecret } from './reader';
import { FOLDED_TYPES, TYPE_MAPPINGS } from './registry';
import { foldResources } from './fold';
import type { TfResourceInput } from './types';
import { getPath, isObject, toStr, toStrMap } from './values';

/**
 * The Terraform mapper shared by the HCL and plan adapters: Terraform resource instances (blocks
 * as arrays of objects, references as `${address.attr}` strings, unknowns as `Unknown`) → the
 * canonical `Resource` model of MAPPING.md. Data sources are inputs only (policy documents);
 * split resources (S3 bucket settings, Redshift logging, secret versions) are folded into the
 * resource they modify. Linear in the number of inputs.
 */
export function mapTerraformResources(inputs: TfResourceInput[]): { resources: Resource[]; notes: SourceResult['notes'] } {
  const notes: SourceResult['notes'] = [];
  const data: TfResourceInput[] = [];
  const folded: TfResourceInput[] = [];
  const managed: TfResourceInput[] = [];
  for (const input of inputs) {
    if (input.mode === 'data') data.push(input);
    else if (FOLDED_TYPES[input.type] !== undefined) folded.push(input);
    else managed.push(input);
  }
  const ctx = { policies: new PolicyResolver(data) };
  const resources = managed.map((input) => mapOne(input, ctx));
  for (const orphan of foldResources(resources, folded, notes, ctx.policies)) resources.push(orphanSecretVersion(orphan));
  return { resources, notes };
}

function mapOne(input: TfResourceInput, ctx: { policies: PolicyResolver }): Resource {
  const values = isObject(input.values) ? input.values : {};
  const mapping = Object.prototype.hasOwnProperty.call(TYPE_MAPPINGS, input.type) ? TYPE_MAPPINGS[input.type] : undefined;
  const reader = new TfReader(input.address, input.type, values);
  const mapped = mapping ? mapping.map(reader, ctx) : { facets: {} };
  const resource: Resource = {
    type: mapped.type ?? mapping?.cfnType ?? `Terraform::${input.type}`,
    sourceType: input.type,
    id: input.address,
    tags: {},
    location: input.location,
    facets: mapped.facets,
  };
  if (mapping?.nameAttr) {
    // A name inside a block (`table_data.name`) is read by path.
    const name = toStr(mapping.nameAttr.includes('.') ? getPath(values, mapping.nameAttr) : values[mapping.nameAttr], mapping.nameAttr);
    if (name !== undefined && name !== '') resource.name = name;
  }
  const arn = values.arn;
  if (typeof arn === 'string' && arn.startsWith('arn:')) resource.arn = arn;
  applyTags(resource, values.tags_all, values.tags);
  if (Object.keys(reader.facetPaths).length > 0) resource.facetPaths = reader.facetPaths;
  if (input.propertyLines && Object.keys(input.propertyLines).length > 0) resource.propertyLines = { ...input.propertyLines };
  return resource;
}

/**
 * Tags from `tags_all` (provider default tags included) when it is known, else `tags`. A tag set
 * that cannot be read at all sets `tagsUnknown`.
 */
function applyTags(resource: Resource, tagsAll: unknown, tags: unknown): void {
  const pick = isObject(tagsAll as never) ? tagsAll : tags !== undefined && tags !== null ? tags : tagsAll;
  const read = toStrMap(pick as never, 'tags');
  if (read === undefined) return;
  if (isUnknown(read)) {
    resource.tagsUnknown = read.reason;
    return;
  }
  resource.tags = read as Record<string, V<string>>;
}

/** A secret version with a literal secret string whose secret is not in this input: kept so the literal is still reported. */
function orphanSecretVersion(input: TfResourceInput): Resource {
  return {
    type: `Terraform::${input.type}`,
    sourceType: input.type,
    id: input.address,
    tags: {},
    location: input.location,
    facets: { credentials: { plaintextPassword: literalSecret(input.values.secret_string, 'secret_string'), passwordPath: 'secret_string' } },
    facetPaths: { 'credentials.plaintextPassword': 'secret_string' },
    ...(input.propertyLines ? { propertyLines: { ...input.propertyLines } } : {}),
  };
}
