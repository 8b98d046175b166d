import type { AnyRule } from './types';
import { rules as iam } from './iam';
import { rules as dynamodb } from './dynamodb';
import { rules as redshift } from './redshift';
import { rules as rds } from './rds';
import { rules as glue } from './glue';
import { rules as lakeformation } from './lakeformation';
import { rules as kms } from './kms';
import { rules as s3 } from './s3';
import { rules as secrets } from './secrets';
import { rules as cloudtrail } from './cloudtrail';
import { rules as network } from './network';
import { rules as logs } from './logs';
import { rules as classification } from './classification';
import { rules as iac } from './iac';

/** Every rule of the catalog, in the order `docs/rules.md` lists them (by pillar, then id). */
export const ALL_RULES: readonly AnyRule[] = [
  ...iam,
  ...dynamodb,
  ...redshift,
  ...rds,
  ...glue,
  ...lakeformation,
  ...kms,
  ...s3,
  ...secrets,
  ...cloudtrail,
  ...network,
  ...logs,
  ...classification,
  ...iac,
];
