import { readFileSync } from 'fs';
import { join } from 'path';
import type { Resource, SourceResult } from '../../model';
import { isUnknown } from '../../model';
import { looksLikeTerraformPlan, parseTerraformPlan } from './index';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

function parse(name: string): SourceResult {
  return parseTerraformPlan({ path: `plans/${name}`, content: fixture(name) });
}

function byId(result: SourceResult, id: string): Resource {
  const r = result.resources.find((x) => x.id === id);
  if (!r) throw new Error(`no resource ${id} in ${result.resources.map((x) => x.id).join(', ')}`);
  return r;
}

describe('looksLikeTerraformPlan', () => {
  it('recognises show -json output and rejects other JSON', () => {
    expect(looksLikeTerraformPlan(JSON.parse(fixture('data-platform.plan.json')))).toBe(true);
    expect(looksLikeTerraformPlan({ format_version: '1.2', resource_changes: [] })).toBe(true);
    expect(looksLikeTerraformPlan({ format_version: '1.0', values: { root_module: {} } })).toBe(false); // a state, not a plan
    expect(looksLikeTerraformPlan({ planned_values: {} })).toBe(false);
    expect(looksLikeTerraformPlan([])).toBe(false);
    expect(looksLikeTerraformPlan(null)).toBe(false);
  });
});

describe('parseTerraformPlan: data-platform fixture', () => {
  const result = parse('data-platform.plan.json');

  it('reads without errors, one resource per instance, no folded or data resources', () => {
    expect(result.errors).toEqual([]);
    const ids = result.resources.map((r) => r.id).sort();
    expect(ids).toEqual(
      [
        'aws_db_instance.reporting',
        'aws_dynamodb_table.orders',
        'aws_iam_role.etl',
        'aws_iam_role_policy.etl',
        'aws_kms_alias.data["orders"]',
        'aws_kms_key.data',
        'aws_rds_cluster.orders',
        'aws_redshift_cluster.warehouse',
        'aws_s3_bucket.logs[0]',
        'aws_s3_bucket.raw',
        'aws_s3_bucket_policy.raw',
        'aws_secretsmanager_secret.partner',
        'module.team_a.aws_s3_bucket.exports',
        'module.team_a.aws_security_group.db',
        'module.team_a.module.tables["events"].aws_dynamodb_table.this',
      ].sort(),
    );
  });

  it('leaves out resources planned for deletion', () => {
    expect(result.resources.some((r) => r.id === 'aws_dynamodb_table.legacy')).toBe(false);
  });

  it('locates resources by file and address, never by an invented line', () => {
    const t = byId(result, 'aws_dynamodb_table.orders');
    expect(t.location).toEqual({ file: 'plans/data-platform.plan.json', format: 'terraform-plan', address: 'aws_dynamodb_table.orders' });
    expect(t.propertyLines).toBeUndefined();
  });

  it('turns an unknown key ARN into the reference its configuration names', () => {
    const t = byId(result, 'aws_dynamodb_table.orders');
    expect(t.type).toBe('AWS::DynamoDB::Table');
    expect(t.facets.encryption).toMatchObject({ atRest: 'cmk', keyRef: '${aws_kms_key.data.arn}' });
    expect(t.facets.backup).toEqual({ pitr: true, deletionProtection: true });
    expect(t.facetPaths?.['backup.pitr']).toBe('point_in_time_recovery.enabled');
    expect(t.tags).toEqual({ data_classification: 'red', owner: 'team-data' });
  });

  it('follows a module variable to the parent expression (nested module with for_each)', () => {
    const t = byId(result, 'module.team_a.module.tables["events"].aws_dynamodb_table.this');
    expect(t.facets.encryption).toMatchObject({ atRest: 'cmk', keyRef: '${aws_kms_key.data.arn}' });
    expect(t.facets.backup?.pitr).toBe(false);
    expect(t.name).toBe('team-a-events');
  });

  it('drops computed attributes the configuration does not set, so AWS defaults apply', () => {
    const rds = byId(result, 'aws_rds_cluster.orders');
    // kms_key_id is unknown in the plan but not written: the aws/rds key will be used.
    expect(rds.facets.encryption).toMatchObject({ atRest: 'aws-managed' });
    expect(rds.facets.credentials).toMatchObject({ plaintextPassword: false, managedMasterPassword: true, iamAuth: true });
    const key = byId(result, 'aws_kms_key.data');
    expect(key.facets.kms?.policy).toBeUndefined();
    expect(key.facets.kms?.rotation).toBe(true);
  });

  it('keeps an unknown that no single reference explains as Unknown', () => {
    const rds = byId(result, 'aws_rds_cluster.orders');
    const sgs = rds.facets.network?.securityGroups;
    expect(isUnknown(sgs) || (Array.isArray(sgs) && sgs.some(isUnknown))).toBe(true);
  });

  it('folds the S3 split resources into their bucket, matched through configuration references', () => {
    const b = byId(result, 'aws_s3_bucket.raw');
    expect(b.facets.backup?.versioning).toBe(true);
    expect(b.facets.encryption).toMatchObject({ atRest: 'cmk', keyRef: '${aws_kms_key.data.arn}' });
    expect(b.facets.s3?.sseAlgorithm).toBe('aws:kms');
    expect(b.facets.publicAccess).toEqual({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true });
    expect(b.facetPaths?.['backup.versioning']).toBe('aws_s3_bucket_versioning.raw.versioning_configuration.status');
    const logs = byId(result, 'aws_s3_bucket.logs[0]');
    expect(logs.facets.publicAccess?.blockPublicAcls).toBe(false);
    expect(logs.facets.encryption?.atRest).toBe('aws-owned');
  });

  it('reads a known jsonencode policy and builds an unknown data-source policy from its statements', () => {
    const policy = byId(result, 'aws_s3_bucket_policy.raw');
    expect(policy.facets.s3?.policyBucket).toBe('${aws_s3_bucket.raw.id}');
    expect(policy.facets.s3?.bucketPolicy?.statements[0]).toMatchObject({ effect: 'Deny', actions: ['s3:*'], principals: [{ type: '*', value: '*' }] });
    const role = byId(result, 'aws_iam_role.etl');
    expect(role.facets.iam?.trustPolicy?.unknownReason).toBeUndefined();
    expect(role.facets.iam?.trustPolicy?.statements[0]).toMatchObject({
      effect: 'Allow',
      actions: ['sts:AssumeRole'],
      principals: [{ type: 'Service', value: 'glue.amazonaws.com' }],
      conditions: { StringEquals: { 'aws:SourceAccount': ['111122223333'] } },
    });
    const inline = byId(result, 'aws_iam_role_policy.etl');
    expect(inline.type).toBe('AWS::IAM::RolePolicy');
    expect(inline.facets.iam?.attachedTo).toEqual(['${aws_iam_role.etl.id}']);
  });

  it('folds aws_redshift_logging into its cluster and reads the cluster', () => {
    const c = byId(result, 'aws_redshift_cluster.warehouse');
    expect(c.facets.logging?.auditLogging).toBe(true);
    expect(c.facets.encryption).toMatchObject({ atRest: 'cmk', keyRef: '${aws_kms_key.data.arn}' });
    expect(c.facets.publicAccess?.publiclyAccessible).toBe(false);
    expect(c.facets.credentials?.iamRoles).toEqual(['${aws_iam_role.etl.arn}']);
  });

  it('marks a secret whose version holds a literal string', () => {
    const s = byId(result, 'aws_secretsmanager_secret.partner');
    expect(s.facets.credentials?.plaintextPassword).toBe(true);
    expect(s.facets.encryption?.atRest).toBe('aws-managed');
  });

  it('keeps a password that comes from a variable with a default in the code as a literal', () => {
    const db = byId(result, 'aws_db_instance.reporting');
    expect(db.facets.credentials?.plaintextPassword).toBe(true);
    expect(db.facets.publicAccess?.publiclyAccessible).toBe(true);
    expect(db.facets.encryption?.atRest).toBe('none');
  });

  it('resolves for_each aliases to their key', () => {
    const a = byId(result, 'aws_kms_alias.data["orders"]');
    expect(a.facets.kms).toEqual({ aliasName: 'alias/orders-data', targetKey: '${aws_kms_key.data.key_id}' });
  });

  it('reads child module resources with their module address', () => {
    const sg = byId(result, 'module.team_a.aws_security_group.db');
    expect(sg.facets.network?.ingress?.[0]).toMatchObject({ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrs: ['0.0.0.0/0'] });
  });
});

describe('parseTerraformPlan: resource_changes only', () => {
  const result = parse('update-only.plan.json');

  it('reads resource_changes when planned_values is missing, without deletions', () => {
    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => r.id).sort()).toEqual(['aws_glue_connection.reporting', 'aws_rds_cluster.from_secret', 'aws_redshift_cluster.legacy']);
  });

  it('does not call a password sourced from a variable without default or a data source a literal', () => {
    expect(byId(result, 'aws_redshift_cluster.legacy').facets.credentials?.plaintextPassword).toBe(false);
    expect(byId(result, 'aws_rds_cluster.from_secret').facets.credentials?.plaintextPassword).toBe(false);
    expect(byId(result, 'aws_glue_connection.reporting').facets.credentials?.plaintextPassword).toBe(true);
  });

  it('reads an existing insecure cluster', () => {
    const c = byId(result, 'aws_redshift_cluster.legacy');
    expect(c.facets.encryption?.atRest).toBe('none');
    expect(c.facets.publicAccess?.publiclyAccessible).toBe(true);
    expect(c.facets.backup?.snapshotRetentionDays).toBe(0);
  });
});

describe('parseTerraformPlan: errors', () => {
  it('reports invalid JSON with line and column', () => {
    const content = '{\n  "format_version": "1.2",\n  "planned_values": {\n    "root_module": { "resources": [1, 2,] }\n  }\n}';
    const r = parseTerraformPlan({ path: 'bad.json', content });
    expect(r.resources).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'bad.json', line: 4, column: 41, format: 'terraform-plan' });
    expect(r.errors[0].message).toMatch(/invalid JSON/);
  });

  it('reports a truncated file at its end', () => {
    const r = parseTerraformPlan({ path: 'cut.json', content: '{"format_version": "1.2",\n"resource_changes": [' });
    expect(r.errors[0]).toMatchObject({ line: 2, column: 22 });
  });

  it('rejects JSON that is not a plan and plans of an unknown major version', () => {
    expect(parseTerraformPlan({ path: 'x.json', content: '{"a": 1}' }).errors[0].message).toMatch(/not a Terraform plan/);
    expect(parseTerraformPlan({ path: 'x.json', content: '{"format_version": "2.0", "resource_changes": []}' }).errors[0].message).toMatch(/format_version 2.0/);
  });

  it('accepts a byte-order mark', () => {
    const r = parseTerraformPlan({ path: 'bom.json', content: '\uFEFF{"format_version": "1.2", "resource_changes": []}' });
    expect(r.errors).toEqual([]);
  });
});
