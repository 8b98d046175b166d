import type { Facets, Resource } from '../model';
import { unknown } from '../model';
import { rules } from './rds';
import { classified, findRule, metadataProblems, resource, resultOf, verdictOf } from './__testing__/builders';

const CLUSTER = 'AWS::RDS::DBCluster';
const INSTANCE = 'AWS::RDS::DBInstance';
const u = (reason: string) => unknown(reason);

const cluster = (facets: Facets, extra: Partial<Resource> = {}) => resource('AppCluster', CLUSTER, facets, extra);
const instance = (facets: Facets, extra: Partial<Resource> = {}) => resource('AppDb', INSTANCE, facets, extra);
const clusterParams = (parameters: Record<string, string | ReturnType<typeof u>>, family = 'aurora-postgresql16') =>
  resource('AppClusterParams', 'AWS::RDS::DBClusterParameterGroup', { database: { family, parameters } });
const instanceParams = (parameters: Record<string, string>, family: string) => resource('AppDbParams', 'AWS::RDS::DBParameterGroup', { database: { family, parameters } });
/** An Aurora instance that belongs to AppCluster. */
const auroraInstance = (facets: Facets = {}) => resource('AppInstance1', INSTANCE, { ...facets, database: { engine: 'aurora-postgresql', cluster: '${AppCluster}', ...facets.database } });

describe('rds rules metadata', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s has complete metadata', (_id, rule) => {
    expect(metadataProblems(rule)).toEqual([]);
  });
});

describe('rds.not-public', () => {
  const rule = findRule(rules, 'rds.not-public');
  it('passes a private instance, and by default', () => {
    expect(verdictOf(rule, instance({ publicAccess: { publiclyAccessible: false } }))).toBe('pass');
    expect(verdictOf(rule, instance({}))).toBe('pass');
  });
  it('fails a public instance, saying so', () => {
    expect(resultOf(rule, auroraInstance({ publicAccess: { publiclyAccessible: true } }))).toMatchObject({ verdict: 'fail', message: 'publicly accessible: true.', path: 'publicAccess.publiclyAccessible' });
  });
  it('is unknown when unresolved', () => expect(verdictOf(rule, instance({ publicAccess: { publiclyAccessible: u('var.public') } }))).toBe('unknown'));
  it('does not apply to clusters', () => expect(verdictOf(rule, cluster({ publicAccess: { publiclyAccessible: true } }))).toBe('not-applicable'));
});

describe('rds.storage-encrypted', () => {
  const rule = findRule(rules, 'rds.storage-encrypted');
  const key = resource('AppKey', 'AWS::KMS::Key', { kms: { rotation: true } });
  const awsKey = resource('AwsRdsKey', 'AWS::KMS::Key', { kms: { keyManager: 'AWS' } });

  it('fails an unencrypted cluster (and by default)', () => {
    expect(resultOf(rule, cluster({ encryption: { atRest: 'none' } }))).toMatchObject({ verdict: 'fail', path: 'encryption.atRest' });
    expect(verdictOf(rule, cluster({}))).toBe('fail');
  });
  it('passes an orange or unclassified cluster with an AWS-managed key', () => {
    expect(verdictOf(rule, cluster({ encryption: { atRest: 'aws-managed' } }, { tags: classified('orange') }))).toBe('pass');
    expect(verdictOf(rule, cluster({ encryption: { atRest: 'aws-managed' } }))).toBe('pass');
  });
  it('requires a customer-managed key on red clusters, following the key reference', () => {
    const red = { tags: classified('red') };
    expect(verdictOf(rule, cluster({ encryption: { atRest: 'aws-managed' } }, red))).toBe('fail');
    expect(resultOf(rule, cluster({ encryption: { atRest: 'cmk', keyRef: '${AppKey.Arn}' } }, red), [key])).toMatchObject({ verdict: 'pass', related: ['AppKey'] });
    expect(verdictOf(rule, cluster({ encryption: { atRest: 'cmk', keyRef: 'AwsRdsKey' } }, red), [awsKey])).toBe('fail');
  });
  it('is unknown when unresolved', () => expect(verdictOf(rule, cluster({ encryption: { atRest: u('known after apply') } }))).toBe('unknown'));
  it('does not apply to green data', () => expect(verdictOf(rule, cluster({ encryption: { atRest: 'none' } }, { tags: classified('green') }))).toBe('not-applicable'));
  it('checks standalone instances but not Aurora instances (their cluster is checked)', () => {
    expect(verdictOf(rule, instance({ database: { engine: 'postgres' }, encryption: { atRest: 'none' } }))).toBe('fail');
    expect(verdictOf(rule, auroraInstance(), [cluster({ encryption: { atRest: 'none' } })])).toBe('not-applicable');
    expect(verdictOf(rule, resource('I', INSTANCE, { database: { engine: 'aurora-mysql' } }))).toBe('not-applicable');
  });
});

describe('tls.rds-force-ssl', () => {
  const rule = findRule(rules, 'tls.rds-force-ssl');
  const pg = (parameterGroup?: string | ReturnType<typeof u>) => cluster({ database: { engine: 'aurora-postgresql', parameterGroup } });

  it('passes an Aurora PostgreSQL cluster whose cluster parameter group sets rds.force_ssl=1', () => {
    const r = resultOf(rule, pg('${AppClusterParams}'), [clusterParams({ 'rds.force_ssl': '1' })]);
    expect(r).toMatchObject({ verdict: 'pass', path: 'database.parameterGroup', related: ['AppClusterParams'] });
  });
  it('follows a Terraform reference to the group', () => {
    const group = resource('aws_rds_cluster_parameter_group.app', 'AWS::RDS::DBClusterParameterGroup', { database: { family: 'aurora-postgresql16', parameters: { 'rds.force_ssl': '1' } } });
    expect(verdictOf(rule, pg('${aws_rds_cluster_parameter_group.app.name}'), [group])).toBe('pass');
  });
  it('fails rds.force_ssl=0, with the current value', () => {
    const r = resultOf(rule, pg('AppClusterParams'), [clusterParams({ 'rds.force_ssl': '0' })]);
    expect(r.verdict).toBe('fail');
    expect(r.message).toMatch(/rds\.force_ssl is 0 in parameter group AppClusterParams/);
  });
  it('fails when the group does not set it on Aurora PostgreSQL (default 0)', () => {
    expect(resultOf(rule, pg('AppClusterParams'), [clusterParams({ 'pgaudit.log': 'all' })]).message).toMatch(/not set: engine default/);
  });
  it('fails on the default parameter group', () => {
    const r = resultOf(rule, pg());
    expect(r.verdict).toBe('fail');
    expect(r.message).toMatch(/default parameter group/);
  });
  it('knows RDS for PostgreSQL 15+ defaults rds.force_ssl to 1', () => {
    const standalone = instance({ database: { engine: 'postgres', instanceParameterGroup: 'AppDbParams' } });
    expect(verdictOf(rule, standalone, [instanceParams({}, 'postgres16')])).toBe('pass');
    expect(verdictOf(rule, standalone, [instanceParams({}, 'postgres14')])).toBe('fail');
    expect(verdictOf(rule, instance({ database: { engine: 'postgres', instanceParameterGroup: 'default.postgres16' } }))).toBe('pass');
  });
  it('reads require_secure_transport for MySQL engines (ON or 1)', () => {
    const my = cluster({ database: { engine: 'aurora-mysql', parameterGroup: 'AppClusterParams' } });
    expect(verdictOf(rule, my, [clusterParams({ require_secure_transport: 'ON' }, 'aurora-mysql8.0')])).toBe('pass');
    expect(verdictOf(rule, my, [clusterParams({ require_secure_transport: '1' }, 'aurora-mysql8.0')])).toBe('pass');
    expect(verdictOf(rule, my, [clusterParams({ require_secure_transport: 'OFF' }, 'aurora-mysql8.0')])).toBe('fail');
    expect(verdictOf(rule, my, [clusterParams({ 'rds.force_ssl': '1' }, 'aurora-mysql8.0')])).toBe('fail');
    expect(verdictOf(rule, instance({ database: { engine: 'mariadb' } }))).toBe('fail');
  });
  it('is unknown for an unknown engine, an unresolved group, a group not in the input, or an unresolved value', () => {
    expect(verdictOf(rule, cluster({ database: { engine: u('var.engine') } }))).toBe('unknown');
    expect(verdictOf(rule, cluster({}))).toBe('unknown');
    expect(verdictOf(rule, pg(u('var.pg')))).toBe('unknown');
    expect(resultOf(rule, pg('shared-pg')).message).toMatch(/shared-pg is not defined in this input/);
    expect(verdictOf(rule, pg('AppClusterParams'), [clusterParams({ 'rds.force_ssl': u('var.force') })])).toBe('unknown');
    expect(verdictOf(rule, instance({ database: { engine: 'oracle-ee' } }))).toBe('unknown');
  });
  it('does not report Aurora instances (the cluster parameter group decides)', () => {
    expect(verdictOf(rule, auroraInstance(), [pg()])).toBe('not-applicable');
  });
});

describe('rds.iam-auth', () => {
  const rule = findRule(rules, 'rds.iam-auth');
  const pgCluster = (iamAuth?: boolean | ReturnType<typeof u>) => cluster({ database: { engine: 'aurora-postgresql' }, credentials: { iamAuth } });
  it('passes when enabled', () => expect(verdictOf(rule, pgCluster(true))).toBe('pass'));
  it('fails when disabled and by default', () => {
    expect(resultOf(rule, pgCluster(false))).toMatchObject({ verdict: 'fail', path: 'credentials.iamAuth' });
    expect(verdictOf(rule, pgCluster())).toBe('fail');
  });
  it('is unknown when unresolved, or disabled on an unknown engine', () => {
    expect(verdictOf(rule, pgCluster(u('var.iam')))).toBe('unknown');
    expect(verdictOf(rule, cluster({ database: { engine: u('var.engine') }, credentials: { iamAuth: false } }))).toBe('unknown');
  });
  it('does not apply to engines without IAM authentication or to Aurora instances', () => {
    expect(verdictOf(rule, instance({ database: { engine: 'sqlserver-se' } }))).toBe('not-applicable');
    expect(verdictOf(rule, auroraInstance())).toBe('not-applicable');
  });
});

describe('rds.log-exports', () => {
  const rule = findRule(rules, 'rds.log-exports');
  const withExports = (engine: string, logExports?: string[] | ReturnType<typeof u>) => cluster({ database: { engine }, logging: { logExports } });
  it('requires postgresql on PostgreSQL engines', () => {
    expect(verdictOf(rule, withExports('aurora-postgresql', ['postgresql']))).toBe('pass');
    expect(resultOf(rule, withExports('aurora-postgresql', []))).toMatchObject({ verdict: 'fail', path: 'logging.logExports', message: 'the postgresql log is not exported to CloudWatch Logs (exports: none).' });
  });
  it('requires audit on MySQL engines, whatever else is exported', () => {
    expect(verdictOf(rule, withExports('aurora-mysql', ['error', 'general', 'slowquery', 'audit']))).toBe('pass');
    expect(resultOf(rule, withExports('mysql', ['error', 'slowquery'])).message).toMatch(/audit log is not exported.*error, slowquery/);
  });
  it('fails with no exports set', () => expect(verdictOf(rule, withExports('postgres'))).toBe('fail'));
  it('is unknown when the list or the engine is unresolved', () => {
    expect(verdictOf(rule, withExports('postgres', u('var.exports')))).toBe('unknown');
    expect(verdictOf(rule, cluster({ database: { engine: u('var.engine') } }))).toBe('unknown');
  });
  it('does not apply to SQL Server or to Aurora instances', () => {
    expect(verdictOf(rule, instance({ database: { engine: 'sqlserver-ex' } }))).toBe('not-applicable');
    expect(verdictOf(rule, auroraInstance())).toBe('not-applicable');
  });
});

describe('rds.pgaudit', () => {
  const rule = findRule(rules, 'rds.pgaudit');
  const pg = cluster({ database: { engine: 'aurora-postgresql', parameterGroup: 'AppClusterParams' } });
  it('passes when pgaudit is preloaded and pgaudit.log is set', () => {
    expect(verdictOf(rule, pg, [clusterParams({ shared_preload_libraries: 'pg_stat_statements, pgaudit', 'pgaudit.log': 'ddl,write' })])).toBe('pass');
  });
  it('fails naming each missing piece', () => {
    const r = resultOf(rule, pg, [clusterParams({ shared_preload_libraries: 'pg_stat_statements', 'pgaudit.log': 'none' })]);
    expect(r.verdict).toBe('fail');
    expect(r.message).toMatch(/pgaudit is not preloaded/);
    expect(r.message).toMatch(/pgaudit logs nothing: pgaudit\.log is none/);
  });
  it('fails when pgaudit.log is left unset', () => {
    expect(resultOf(rule, pg, [clusterParams({ shared_preload_libraries: 'pgaudit' })]).message).toMatch(/pgaudit\.log is none .*engine default/);
  });
  it('fails on the default parameter group', () => expect(verdictOf(rule, cluster({ database: { engine: 'postgres' } }))).toBe('fail'));
  it('reads a standalone instance parameter group', () => {
    const db = instance({ database: { engine: 'postgres', instanceParameterGroup: '${AppDbParams}' } });
    expect(verdictOf(rule, db, [instanceParams({ shared_preload_libraries: 'pgaudit', 'pgaudit.log': 'all' }, 'postgres16')])).toBe('pass');
  });
  it('is unknown when a value or the engine is unresolved', () => {
    expect(verdictOf(rule, pg, [clusterParams({ shared_preload_libraries: 'pgaudit', 'pgaudit.log': u('var.audit') })])).toBe('unknown');
    expect(verdictOf(rule, cluster({ database: { engine: u('var.engine') } }))).toBe('unknown');
  });
  it('does not apply to MySQL engines or Aurora instances', () => {
    expect(verdictOf(rule, cluster({ database: { engine: 'aurora-mysql' } }))).toBe('not-applicable');
    expect(verdictOf(rule, auroraInstance())).toBe('not-applicable');
  });
});

describe('rds.backup-retention', () => {
  const rule = findRule(rules, 'rds.backup-retention');
  it('passes at the minimum', () => expect(verdictOf(rule, cluster({ backup: { retentionDays: 7 } }))).toBe('pass'));
  it('fails below it, and on the 1-day default', () => {
    expect(resultOf(rule, cluster({ backup: { retentionDays: 3 } }))).toMatchObject({ verdict: 'fail', message: 'backup retention is 3 days; at least 7 required.', path: 'backup.retentionDays' });
    expect(resultOf(rule, cluster({})).message).toBe('backup retention is 1 day; at least 7 required.');
  });
  it('uses the configured minimum', () => {
    expect(verdictOf(rule, cluster({ backup: { retentionDays: 3 } }), [], { minBackupRetentionDays: 3 })).toBe('pass');
    expect(verdictOf(rule, cluster({ backup: { retentionDays: 10 } }), [], { minBackupRetentionDays: 14 })).toBe('fail');
  });
  it('is unknown when unresolved', () => expect(verdictOf(rule, cluster({ backup: { retentionDays: u('var.days') } }))).toBe('unknown'));
  it('leaves Aurora instances to their cluster', () => expect(verdictOf(rule, auroraInstance({ backup: { retentionDays: 1 } }))).toBe('not-applicable'));
});

describe('rds.deletion-protection', () => {
  const rule = findRule(rules, 'rds.deletion-protection');
  it('passes when on', () => expect(verdictOf(rule, instance({ backup: { deletionProtection: true } }))).toBe('pass'));
  it('fails when off', () => expect(resultOf(rule, cluster({ backup: { deletionProtection: false } }))).toMatchObject({ verdict: 'fail', message: 'deletion protection is off.' }));
  it('is unknown when unresolved', () => expect(verdictOf(rule, cluster({ backup: { deletionProtection: u('var.dp') } }))).toBe('unknown'));
  it('leaves Aurora instances to their cluster', () => expect(verdictOf(rule, auroraInstance())).toBe('not-applicable'));
});
