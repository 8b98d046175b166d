import type { ParityCase } from '../harness';
import { cases as storage } from './storage';
import { cases as catalog } from './catalog';
import { cases as identity } from './identity';

/**
 * Every parity case: `storage` — DynamoDB, Redshift, RDS/Aurora, network, S3;
 * `catalog` — Glue, Lake Formation, secrets, CloudTrail, logs, classification, IaC;
 * `identity` — IAM and KMS.
 */
export const CASES: ParityCase[] = [...storage, ...catalog, ...identity];
