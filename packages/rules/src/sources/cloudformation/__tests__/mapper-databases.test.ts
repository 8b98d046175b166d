import { resourceOf, single, unknownValue } from './helpers';

const map = (type: string, props: string, extra = '') => resourceOf(single(type, props, extra), 'R');

describe('Redshift', () => {
  test('a hardened cluster', () => {
    const r = map('AWS::Redshift::Cluster', 'ClusterIdentifier: wh\nPubliclyAccessible: false\nEnhancedVpcRouting: true\nEncrypted: true\nKmsKeyId: key-1\nAutomatedSnapshotRetentionPeriod: 14\nClusterParameterGroupName: pg\nVpcSecurityGroupIds: [sg-1]\nManageMasterPassword: true\nIamRoles: [arn:aws:iam::1:role/copy]\nLoggingProperties: { LogDestinationType: cloudwatch, LogExports: [userlog] }');
    expect(r.facets).toEqual({
      publicAccess: { publiclyAccessible: false },
      network: { enhancedVpcRouting: true, securityGroups: ['sg-1'] },
      encryption: { atRest: 'cmk', keyRef: 'key-1', path: 'KmsKeyId' },
      backup: { snapshotRetentionDays: 14 },
      logging: { auditLogging: true },
      database: { parameterGroup: 'pg' },
      credentials: { plaintextPassword: false, passwordPath: 'MasterUserPassword', managedMasterPassword: true, iamRoles: ['arn:aws:iam::1:role/copy'] },
    });
    expect(r.name).toBe('wh');
  });

  test('a careless cluster: public, unencrypted, literal password, no logging', () => {
    const r = map('AWS::Redshift::Cluster', 'PubliclyAccessible: true\nMasterUserPassword: Hunter2Hunter2');
    expect(r.facets).toMatchObject({
      publicAccess: { publiclyAccessible: true },
      network: { enhancedVpcRouting: false },
      encryption: { atRest: 'none' },
      backup: { snapshotRetentionDays: 1 },
      logging: { auditLogging: false },
      credentials: { plaintextPassword: true, managedMasterPassword: false },
    });
    expect(map('AWS::Redshift::Cluster', 'Encrypted: true').facets.encryption!.atRest).toBe('aws-managed');
  });

  test('cluster parameter group', () => {
    const r = map('AWS::Redshift::ClusterParameterGroup', 'ParameterGroupFamily: redshift-1.0\nParameters:\n  - { ParameterName: require_ssl, ParameterValue: "true" }');
    expect(r.facets.database).toEqual({ family: 'redshift-1.0', parameters: { require_ssl: 'true' } });
  });

  test('serverless workgroup and namespace', () => {
    const w = map('AWS::RedshiftServerless::Workgroup', 'WorkgroupName: w\nPubliclyAccessible: true\nConfigParameters: [{ ParameterKey: require_ssl, ParameterValue: "false" }]');
    expect(w.facets).toEqual({ publicAccess: { publiclyAccessible: true }, network: { enhancedVpcRouting: false }, database: { parameters: { require_ssl: 'false' } } });
    const n = map('AWS::RedshiftServerless::Namespace', 'NamespaceName: n\nAdminUserPassword: Passw0rdPassw0rd\nLogExports: [userlog, connectionlog]');
    expect(n.facets).toEqual({ encryption: { atRest: 'aws-owned', path: 'KmsKeyId' }, credentials: { plaintextPassword: true, passwordPath: 'AdminUserPassword', managedMasterPassword: false }, logging: { logExports: ['userlog', 'connectionlog'] } });
    const m = map('AWS::RedshiftServerless::Namespace', 'KmsKeyId: k\nManageAdminPassword: true');
    expect(m.facets).toMatchObject({ encryption: { atRest: 'cmk' }, credentials: { plaintextPassword: false, managedMasterPassword: true } });
  });
});

describe('RDS and Aurora', () => {
  test('a hardened Aurora cluster', () => {
    const r = map('AWS::RDS::DBCluster', 'Engine: Aurora-PostgreSQL\nStorageEncrypted: true\nKmsKeyId: k\nBackupRetentionPeriod: 14\nDeletionProtection: true\nManageMasterUserPassword: true\nEnableIAMDatabaseAuthentication: true\nEnableCloudwatchLogsExports: [PostgreSQL]\nDBClusterParameterGroupName: pg');
    expect(r.facets).toMatchObject({
      database: { engine: 'aurora-postgresql', parameterGroup: 'pg' },
      encryption: { atRest: 'cmk', keyRef: 'k' },
      backup: { retentionDays: 14, deletionProtection: true },
      credentials: { plaintextPassword: false, managedMasterPassword: true, iamAuth: true },
      logging: { logExports: ['postgresql'] },
      publicAccess: { publiclyAccessible: false },
    });
  });

  test('a careless cluster: unencrypted, literal password, defaults', () => {
    const r = map('AWS::RDS::DBCluster', 'Engine: aurora-mysql\nMasterUserPassword: Sup3rS3cret!');
    expect(r.facets).toMatchObject({ encryption: { atRest: 'none' }, backup: { retentionDays: 1, deletionProtection: false }, credentials: { plaintextPassword: true, iamAuth: false }, logging: { logExports: [] } });
  });

  test('passwords: dynamic reference, secret reference and deploy-time parameter are not plaintext; a parameter default is', () => {
    const pw = (value: string, extra = '') => resourceOf(`${extra}Resources:\n  S: { Type: AWS::SecretsManager::Secret }\n  R:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      MasterUserPassword: ${value}\n`, 'R').facets.credentials!.plaintextPassword;
    expect(pw("'{{resolve:secretsmanager:db:SecretString:password}}'")).toBe(false);
    expect(pw("!Sub '{{resolve:secretsmanager:${S}:SecretString:password}}'")).toBe(false);
    expect(pw('!Ref S')).toBe(false);
    expect(pw('!Ref Pw', 'Parameters:\n  Pw: { Type: String, NoEcho: true }\n')).toBe(false);
    expect(pw('!Ref Pw', 'Parameters:\n  Pw: { Type: String }\n')).toBe(false);
    expect(pw('!Ref Pw', 'Parameters:\n  Pw: { Type: String, Default: changeme123 }\n')).toBe(true);
    expect(pw("'{{resolve:ssm-secure:/db/pw:1}}'")).toBe(false);
  });

  test('instances: in a cluster vs standalone', () => {
    const member = map('AWS::RDS::DBInstance', 'DBClusterIdentifier: !Ref C\nEngine: aurora-postgresql\nDBParameterGroupName: ipg\nPubliclyAccessible: false', '');
    expect(member.facets.database).toMatchObject({ engine: 'aurora-postgresql', instanceParameterGroup: 'ipg', cluster: unknownValue });
    expect(member.facets.encryption).toBeUndefined();
    const standalone = map('AWS::RDS::DBInstance', 'Engine: mysql\nDBParameterGroupName: pg\nPubliclyAccessible: true\nStorageEncrypted: false\nMasterUserPassword: x1234567\nBackupRetentionPeriod: 0');
    expect(standalone.facets).toMatchObject({
      database: { engine: 'mysql', parameterGroup: 'pg', instanceParameterGroup: 'pg' },
      publicAccess: { publiclyAccessible: true },
      encryption: { atRest: 'none' },
      credentials: { plaintextPassword: true },
      backup: { retentionDays: 0 },
    });
    const safe = map('AWS::RDS::DBInstance', 'Engine: postgres\nPubliclyAccessible: false\nStorageEncrypted: true\nManageMasterUserPassword: true\nDeletionProtection: true');
    expect(safe.facets).toMatchObject({ publicAccess: { publiclyAccessible: false }, encryption: { atRest: 'aws-managed' }, credentials: { plaintextPassword: false, managedMasterPassword: true }, backup: { deletionProtection: true } });
  });

  test('parameter groups', () => {
    const c = map('AWS::RDS::DBClusterParameterGroup', 'Family: aurora-postgresql16\nDescription: x\nParameters: { rds.force_ssl: 1 }');
    expect(c.facets.database).toEqual({ family: 'aurora-postgresql16', parameters: { 'rds.force_ssl': '1' } });
    const i = map('AWS::RDS::DBParameterGroup', 'Family: mysql8.0\nDescription: x\nParameters: { require_secure_transport: "OFF" }');
    expect(i.facets.database).toEqual({ family: 'mysql8.0', parameters: { require_secure_transport: 'OFF' } });
  });
});

describe('RDS instances without PubliclyAccessible', () => {
  it('may be public (RDS decides by the internet gateway of the VPC): unknown, not private', async () => {
    const { parseCloudFormation } = await import('../index');
    const r = parseCloudFormation({ path: 't.yaml', content: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n' });
    expect(r.resources[0].facets.publicAccess?.publiclyAccessible).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/internet gateway/) });
  });
});
