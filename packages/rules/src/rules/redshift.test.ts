import type { Facets, Resource } from '../model';
import { unknown } from '../model';
import { rules } from './redshift';
import { classified, findRule, metadataProblems, resource, resultOf, verdictOf } from './__testing__/builders';

const CLUSTER = 'AWS::Redshift::Cluster';
const WORKGROUP = 'AWS::RedshiftServerless::Workgroup';
const NAMESPACE = 'AWS::RedshiftServerless::Namespace';
const u = (reason: string) => unknown(reason);

const cluster = (facets: Facets, extra: Partial<Resource> = {}) => resource('Warehouse', CLUSTER, facets, extra);
const workgroup = (facets: Facets) => resource('Workgroup', WORKGROUP, facets);
const namespace = (facets: Facets, extra: Partial<Resource> = {}) => resource('Namespace', NAMESPACE, facets, extra);
const params = (parameters: Record<string, string | ReturnType<typeof u>>) =>
  resource('WarehouseParams', 'AWS::Redshift::ClusterParameterGroup', { database: { family: 'redshift-1.0', parameters } });

describe('redshift rules metadata', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s has complete metadata', (_id, rule) => {
    expect(metadataProblems(rule)).toEqual([]);
  });
});

describe('redshift.not-public', () => {
  const rule = findRule(rules, 'redshift.not-public');
  it('passes private clusters and workgroups, and by default', () => {
    expect(verdictOf(rule, cluster({ publicAccess: { publiclyAccessible: false } }))).toBe('pass');
    expect(verdictOf(rule, workgroup({}))).toBe('pass');
  });
  it('fails public ones, saying so', () => {
    expect(resultOf(rule, workgroup({ publicAccess: { publiclyAccessible: true } }))).toMatchObject({ verdict: 'fail', message: 'publicly accessible: true.', path: 'publicAccess.publiclyAccessible' });
  });
  it('is unknown when unresolved', () => expect(verdictOf(rule, cluster({ publicAccess: { publiclyAccessible: u('var.public') } }))).toBe('unknown'));
  it('does not apply to namespaces', () => expect(verdictOf(rule, namespace({}))).toBe('not-applicable'));
});

describe('redshift.enhanced-vpc-routing', () => {
  const rule = findRule(rules, 'redshift.enhanced-vpc-routing');
  it('passes when on', () => expect(verdictOf(rule, workgroup({ network: { enhancedVpcRouting: true } }))).toBe('pass'));
  it('fails when off and by default', () => {
    expect(resultOf(rule, cluster({ network: { enhancedVpcRouting: false } }))).toMatchObject({ verdict: 'fail', message: 'enhanced VPC routing is off.' });
    expect(verdictOf(rule, cluster({}))).toBe('fail');
  });
  it('is unknown when unresolved', () => expect(verdictOf(rule, cluster({ network: { enhancedVpcRouting: u('known after apply') } }))).toBe('unknown'));
  it('does not apply to namespaces', () => expect(verdictOf(rule, namespace({}))).toBe('not-applicable'));
});

describe('redshift.encrypted', () => {
  const rule = findRule(rules, 'redshift.encrypted');
  const key = resource('WarehouseKey', 'AWS::KMS::Key', { kms: { rotation: true } });
  it('fails an unencrypted cluster, and a cluster with no encryption facet (Encrypted defaults to false)', () => {
    expect(resultOf(rule, cluster({ encryption: { atRest: 'none' } }))).toMatchObject({ verdict: 'fail', path: 'encryption.atRest' });
    expect(verdictOf(rule, cluster({}))).toBe('fail');
  });
  it('passes an orange cluster with an AWS-managed key and a namespace on its AWS-owned default', () => {
    expect(verdictOf(rule, cluster({ encryption: { atRest: 'aws-managed' } }, { tags: classified('orange') }))).toBe('pass');
    expect(verdictOf(rule, namespace({}))).toBe('pass');
  });
  it('requires a customer-managed key for red data, following the key reference', () => {
    expect(verdictOf(rule, cluster({ encryption: { atRest: 'aws-managed' } }, { tags: classified('red') }))).toBe('fail');
    expect(verdictOf(rule, namespace({ encryption: { atRest: 'aws-owned' } }, { tags: classified('red') }))).toBe('fail');
    const r = resultOf(rule, namespace({ encryption: { atRest: 'cmk', keyRef: '${WarehouseKey.Arn}' } }, { tags: classified('red') }), [key]);
    expect(r).toMatchObject({ verdict: 'pass', related: ['WarehouseKey'] });
  });
  it('is unknown when the encryption or the classification cannot be read', () => {
    expect(verdictOf(rule, cluster({ encryption: { atRest: u('var.encrypted') } }))).toBe('unknown');
    expect(verdictOf(rule, cluster({ encryption: { atRest: 'aws-managed' } }, { tags: { pii: u('var.pii') } }))).toBe('unknown');
  });
  it('does not apply to green data or workgroups', () => {
    expect(verdictOf(rule, cluster({ encryption: { atRest: 'none' } }, { tags: classified('green') }))).toBe('not-applicable');
    expect(verdictOf(rule, workgroup({}))).toBe('not-applicable');
  });
});

describe('tls.redshift-require-ssl', () => {
  const rule = findRule(rules, 'tls.redshift-require-ssl');
  it('passes a cluster whose parameter group sets require_ssl=true', () => {
    const r = resultOf(rule, cluster({ database: { parameterGroup: '${WarehouseParams}' } }), [params({ require_ssl: 'true' })]);
    expect(r).toMatchObject({ verdict: 'pass', path: 'database.parameterGroup', related: ['WarehouseParams'] });
  });
  it('fails require_ssl=false, with the value', () => {
    const r = resultOf(rule, cluster({ database: { parameterGroup: 'WarehouseParams' } }), [params({ require_ssl: 'false' })]);
    expect(r.verdict).toBe('fail');
    expect(r.message).toMatch(/require_ssl is false in parameter group WarehouseParams/);
  });
  it('fails on the default parameter group and on a group that leaves it unset', () => {
    expect(resultOf(rule, cluster({})).message).toMatch(/default parameter group/);
    expect(resultOf(rule, cluster({ database: { parameterGroup: 'default.redshift-1.0' } })).verdict).toBe('fail');
    expect(verdictOf(rule, cluster({ database: { parameterGroup: 'WarehouseParams' } }), [params({ enable_user_activity_logging: 'true' })])).toBe('fail');
  });
  it('reads workgroup config parameters', () => {
    expect(resultOf(rule, workgroup({ database: { parameters: { require_ssl: 'true' } } }))).toMatchObject({ verdict: 'pass', path: 'database.parameters.require_ssl' });
    expect(verdictOf(rule, workgroup({ database: { parameters: { require_ssl: 'false' } } }))).toBe('fail');
    expect(verdictOf(rule, workgroup({}))).toBe('fail');
  });
  it('is unknown for an unresolved group, a group not in the input, or an unresolved value', () => {
    expect(verdictOf(rule, cluster({ database: { parameterGroup: u('var.pg') } }))).toBe('unknown');
    expect(resultOf(rule, cluster({ database: { parameterGroup: 'shared-params' } })).message).toMatch(/shared-params is not defined/);
    expect(verdictOf(rule, cluster({ database: { parameterGroup: 'WarehouseParams' } }), [params({ require_ssl: u('var.ssl') })])).toBe('unknown');
    expect(verdictOf(rule, workgroup({ database: { parameters: { require_ssl: u('var.ssl') } } }))).toBe('unknown');
  });
  it('does not apply to namespaces', () => expect(verdictOf(rule, namespace({}))).toBe('not-applicable'));
});

describe('redshift.audit-logging', () => {
  const rule = findRule(rules, 'redshift.audit-logging');
  const withGroup = (auditLogging: boolean | ReturnType<typeof u> | undefined) => cluster({ logging: { auditLogging }, database: { parameterGroup: 'WarehouseParams' } });
  it('passes a cluster with logging on and user activity logging in its group', () => {
    expect(verdictOf(rule, withGroup(true), [params({ enable_user_activity_logging: 'true' })])).toBe('pass');
  });
  it('fails naming each missing half', () => {
    const r = resultOf(rule, withGroup(false), [params({})]);
    expect(r.verdict).toBe('fail');
    expect(r.message).toMatch(/audit logging is off/);
    expect(r.message).toMatch(/user activity logging is off: enable_user_activity_logging is false/);
    expect(resultOf(rule, withGroup(true), [params({})]).message).not.toMatch(/audit logging is off/);
  });
  it('fails a cluster with logging on but the default parameter group', () => {
    expect(verdictOf(rule, cluster({ logging: { auditLogging: true } }))).toBe('fail');
  });
  it('is unknown when logging is unresolved and nothing fails', () => {
    expect(verdictOf(rule, withGroup(u('var.logging')), [params({ enable_user_activity_logging: 'true' })])).toBe('unknown');
  });
  it('checks the parameter on workgroups', () => {
    expect(verdictOf(rule, workgroup({ database: { parameters: { enable_user_activity_logging: 'true' } } }))).toBe('pass');
    expect(verdictOf(rule, workgroup({}))).toBe('fail');
  });
  it('checks log exports on namespaces', () => {
    expect(verdictOf(rule, namespace({ logging: { logExports: ['connectionlog', 'userlog', 'useractivitylog'] } }))).toBe('pass');
    expect(resultOf(rule, namespace({ logging: { logExports: ['connectionlog'] } }))).toMatchObject({ verdict: 'fail', path: 'logging.logExports', message: 'audit logs not exported: userlog, useractivitylog (exports: connectionlog).' });
    expect(verdictOf(rule, namespace({}))).toBe('fail');
    expect(verdictOf(rule, namespace({ logging: { logExports: u('var.exports') } }))).toBe('unknown');
  });
  it('does not apply to parameter groups', () => expect(verdictOf(rule, params({}))).toBe('not-applicable'));
});

describe('redshift.snapshot-retention', () => {
  const rule = findRule(rules, 'redshift.snapshot-retention');
  it('passes above 0, and on the 1-day default', () => {
    expect(verdictOf(rule, cluster({ backup: { snapshotRetentionDays: 7 } }))).toBe('pass');
    expect(verdictOf(rule, cluster({}))).toBe('pass');
  });
  it('fails at 0', () => expect(resultOf(rule, cluster({ backup: { snapshotRetentionDays: 0 } }))).toMatchObject({ verdict: 'fail', path: 'backup.snapshotRetentionDays' }));
  it('is unknown when unresolved', () => expect(verdictOf(rule, cluster({ backup: { snapshotRetentionDays: u('var.days') } }))).toBe('unknown'));
  it('does not apply to serverless', () => expect(verdictOf(rule, workgroup({}))).toBe('not-applicable'));
});

describe('redshift.iam-roles', () => {
  const rule = findRule(rules, 'redshift.iam-roles');
  it('passes with a role', () => expect(verdictOf(rule, cluster({ credentials: { iamRoles: ['${CopyRole.Arn}'] } }))).toBe('pass'));
  it('fails without roles', () => {
    expect(resultOf(rule, cluster({ credentials: { iamRoles: [] } }))).toMatchObject({ verdict: 'fail', path: 'credentials.iamRoles' });
    expect(verdictOf(rule, cluster({}))).toBe('fail');
  });
  it('is unknown when unresolved', () => expect(verdictOf(rule, cluster({ credentials: { iamRoles: u('var.roles') } }))).toBe('unknown'));
  it('does not apply to namespaces', () => expect(verdictOf(rule, namespace({}))).toBe('not-applicable'));
});
