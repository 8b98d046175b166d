import type { Resource } from '../../../model';
import type { CfnResourceInput } from '../types';
import { readTags } from './common';
import { DYNAMODB_MAPPERS } from './dynamodb';
import { GLUE_MAPPERS } from './glue';
import { IAM_MAPPERS } from './iam';
import { KMS_MAPPERS } from './kms';
import { LAKEFORMATION_MAPPERS } from './lakeformation';
import { MONITORING_MAPPERS } from './monitoring';
import { NETWORK_MAPPERS } from './network';
import { Props } from './props';
import { RDS_MAPPERS } from './rds';
import { REDSHIFT_MAPPERS } from './redshift';
import { S3_MAPPERS } from './s3';
import { SECRETS_MAPPERS } from './secrets';
import type { TypeMapper } from './types';

/** Every CloudFormation type with facets (MAPPING.md); other types are kept with none. */
const MAPPERS: Readonly<Record<string, TypeMapper>> = {
  ...DYNAMODB_MAPPERS,
  ...REDSHIFT_MAPPERS,
  ...RDS_MAPPERS,
  ...NETWORK_MAPPERS,
  ...S3_MAPPERS,
  ...KMS_MAPPERS,
  ...IAM_MAPPERS,
  ...SECRETS_MAPPERS,
  ...GLUE_MAPPERS,
  ...LAKEFORMATION_MAPPERS,
  ...MONITORING_MAPPERS,
};

/** CDK's own bookkeeping resource: not infrastructure anyone needs findings on. */
const SKIPPED = new Set(['AWS::CDK::Metadata']);

export function mappedTypes(): string[] {
  return Object.keys(MAPPERS);
}

/** Turns resolved CloudFormation resources into engine resources with facets. */
export function mapCloudFormationResources(inputs: CfnResourceInput[]): Resource[] {
  return inputs.filter((i) => !SKIPPED.has(i.type)).map(mapOne);
}

function mapOne(input: CfnResourceInput): Resource {
  const p = new Props(input.properties ?? {});
  const mapper = Object.prototype.hasOwnProperty.call(MAPPERS, input.type) ? MAPPERS[input.type] : undefined;
  const mapped = mapper ? mapper(p) : { facets: {} };
  const tags = mapped.tags ?? readTags(p.get('Tags'));
  const constructPath = input.location.constructPath ?? input.constructPath;
  const resource: Resource = {
    type: input.type,
    sourceType: input.type,
    id: input.logicalId,
    tags: tags.tags,
    location: { ...input.location, ...(constructPath ? { constructPath } : {}) },
    facetPaths: p.facetPaths,
    propertyLines: input.propertyLines ?? {},
    facets: mapped.facets,
  };
  if (mapped.name !== undefined) resource.name = mapped.name;
  if (tags.tagsUnknown) resource.tagsUnknown = tags.tagsUnknown;
  return resource;
}
