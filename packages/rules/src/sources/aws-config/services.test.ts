import { readFileSync } from 'fs';
import { join } from 'path';
import { isUnknown } from '../../model';
import { parseAwsConfig } from './index';
import { byId, mapOne } from './test-support';

const snapshot = parseAwsConfig({ path: 'snapshot.json', content: readFileSync(join(__dirname, '__fixtures__', 'snapshot.json'), 'utf8') });
const ACCT = '111122223333';
const CMK = `arn:aws:kms:eu-west-1:${ACCT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const enc = (doc: unknown) => encodeURIComponent(JSON.stringify(doc));

describe('DynamoDB table', () => {
  it('pass: CMK, PITR, deletion protection, stream, with facet paths', () => {
    const t = byId(snapshot, `arn:aws:dynamodb:eu-west-1:${ACCT}:table/orders`);
    expect(t.facets).toEqual({
      encryption: { atRest: 'cmk', keyRef: CMK, path: 'configuration.sseDescription.kmsMasterKeyArn' },
      backup: { pitr: true, deletionProtection: true },
      dynamodb: { tableName: 'orders', stream: true },
    });
    expect(t.facetPaths).toMatchObject({
      'backup.pitr': 'supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus',
      'encryption.keyRef': 'configuration.sseDescription.kmsMasterKeyArn',
      'backup.deletionProtection': 'configuration.deletionProtectionEnabled',
    });
  });

  it('fail: no SSE description ⇒ AWS-owned, PITR disabled, deletion protection off', () => {
    const t = byId(snapshot, `arn:aws:dynamodb:eu-west-1:${ACCT}:table/sessions`);
    expect(t.facets.encryption?.atRest).toBe('aws-owned');
    expect(t.facets.backup).toEqual({ pitr: false, deletionProtection: false });
  });

  it('reads the lower-case advanced-query spelling and KMS without a key ⇒ AWS-managed', () => {
    expect(mapOne('AWS::DynamoDB::Table', { ssedescription: { status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: CMK } }).facets.encryption).toMatchObject({ atRest: 'cmk', keyRef: CMK, path: 'configuration.ssedescription.kmsmasterKeyArn' });
    expect(mapOne('AWS::DynamoDB::Table', { sSEDescription: { status: 'ENABLED' } }).facets.encryption?.atRest).toBe('aws-managed');
    expect(mapOne('AWS::DynamoDB::Table', { sseDescription: { status: 'DISABLED' } }).facets.encryption?.atRest).toBe('aws-owned');
  });

  it('a wrongly typed flag is unknown, never a default', () => {
    const t = mapOne('AWS::DynamoDB::Table', { deletionProtectionEnabled: 'maybe' });
    expect(isUnknown(t.facets.backup?.deletionProtection)).toBe(true);
  });
});

describe('S3 bucket', () => {
  it('pass: SSE-KMS with a CMK, all public access blocks, versioning, logging, TLS-only policy', () => {
    const b = byId(snapshot, 'arn:aws:s3:::pg-raw-data');
    expect(b.facets.encryption).toEqual({ atRest: 'cmk', keyRef: CMK, path: 'supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyID' });
    expect(b.facets.publicAccess).toEqual({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true });
    expect(b.facets.backup?.versioning).toBe(true);
    expect(b.facets.s3).toMatchObject({ sseAlgorithm: 'aws:kms', accessLogging: true });
    const st = b.facets.s3?.bucketPolicy?.statements[0];
    expect(st).toMatchObject({ sid: 'TlsOnly', effect: 'Deny', conditions: { Bool: { 'aws:SecureTransport': ['false'] } } });
    expect(b.facetPaths?.['s3.bucketPolicy']).toBe('supplementaryConfiguration.BucketPolicy.policyText');
  });

  it('fail: no encryption rule ⇒ SSE-S3, partial public access block, versioning Off, no logging, no policy', () => {
    const b = byId(snapshot, 'arn:aws:s3:::pg-scratch');
    expect(b.facets.encryption?.atRest).toBe('aws-owned');
    expect(b.facets.s3).toEqual({ sseAlgorithm: 'AES256', accessLogging: false });
    expect(b.facets.publicAccess).toEqual({ blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: false });
    expect(b.facets.backup?.versioning).toBe(false);
  });

  it('aws:kms without a key ⇒ AWS-managed; no PublicAccessBlockConfiguration ⇒ all false', () => {
    const b = mapOne('AWS::S3::Bucket', {}, { ServerSideEncryptionConfiguration: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyID: null } }] } });
    expect(b.facets.encryption?.atRest).toBe('aws-managed');
    expect(b.facets.publicAccess?.blockPublicAcls).toBe(false);
  });

  it('BatchGet-style string values are parsed, the policy text too', () => {
    const policy = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] };
    const b = mapOne('AWS::S3::Bucket', '{}', { BucketPolicy: JSON.stringify({ policyText: JSON.stringify(policy) }), PublicAccessBlockConfiguration: '{"blockPublicAcls":true}' });
    expect(b.facets.s3?.bucketPolicy?.statements[0].principals).toEqual([{ type: '*', value: '*' }]);
    expect(b.facets.publicAccess?.blockPublicAcls).toBe(true);
  });

  it('an item without supplementaryConfiguration has unknown bucket settings', () => {
    const b = mapOne('AWS::S3::Bucket', {}, {}, { supplementaryConfiguration: undefined });
    expect(isUnknown(b.facets.publicAccess?.blockPublicAcls)).toBe(true);
    expect(isUnknown(b.facets.backup?.versioning)).toBe(true);
    expect(b.facets.s3?.bucketPolicy?.unknownReason).toContain('supplementaryConfiguration');
  });
});

describe('IAM', () => {
  it('role: URL-encoded inline and trust policies, managed policies, boundary', () => {
    const r = byId(snapshot, `arn:aws:iam::${ACCT}:role/pg-etl-role`);
    const iam = r.facets.iam!;
    expect(iam.principalKind).toBe('role');
    expect(iam.inlinePolicies?.[0]).toMatchObject({ name: 'orders-read', path: 'configuration.rolePolicyList[0].policyDocument' });
    expect(iam.inlinePolicies?.[0].document.statements[0]).toMatchObject({ effect: 'Allow', actions: ['dynamodb:GetItem', 'dynamodb:Query'] });
    expect(iam.trustPolicy?.statements[0].principals).toEqual([{ type: 'Service', value: 'glue.amazonaws.com' }]);
    expect(iam.managedPolicies).toEqual(['arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole', `arn:aws:iam::${ACCT}:policy/pg-analytics`]);
    expect(iam.permissionsBoundary).toBe(`arn:aws:iam::${ACCT}:policy/pg-boundary`);
  });

  it('policy: the default version only, attached principals from relationships', () => {
    const p = byId(snapshot, `arn:aws:iam::${ACCT}:policy/pg-analytics`);
    expect(p.facets.iam?.document?.statements).toHaveLength(1);
    expect(p.facets.iam?.document?.statements[0]).toMatchObject({ actions: ['*'], resources: ['*'] });
    expect(p.facets.iam?.attachedTo).toEqual(['pg-etl-role']);
    expect(p.facetPaths?.['iam.document']).toBe('configuration.policyVersionList[1].document');
  });

  it('policy: defaultVersionId when no version is flagged; neither ⇒ unknown document', () => {
    const versions = [{ versionId: 'v1', document: enc({ Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' } }) }];
    expect(mapOne('AWS::IAM::Policy', { defaultVersionId: 'v1', policyVersionList: versions }).facets.iam?.document?.statements[0].actions).toEqual(['s3:ListBucket']);
    expect(mapOne('AWS::IAM::Policy', { policyVersionList: versions }).facets.iam?.document?.unknownReason).toMatch(/default version/);
  });

  it('user and group: their own lists', () => {
    const u = mapOne('AWS::IAM::User', { userPolicyList: [{ policyName: 'p', policyDocument: enc({ Statement: [{ Effect: 'Allow', Action: 'redshift:*', Resource: '*' }] }) }], groupList: ['analysts'], attachedManagedPolicies: [] });
    expect(u.facets.iam).toMatchObject({ principalKind: 'user', groups: ['analysts'], managedPolicies: [] });
    expect(u.facets.iam?.inlinePolicies?.[0].document.statements[0].actions).toEqual(['redshift:*']);
    const g = mapOne('AWS::IAM::Group', { groupPolicyList: [], attachedManagedPolicies: [{ policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] });
    expect(g.facets.iam).toMatchObject({ principalKind: 'group', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
  });

  it('a broken URL-encoded document is an unknown document, not an empty one', () => {
    const r = mapOne('AWS::IAM::Role', { assumeRolePolicyDocument: '%7B%22Statement' });
    expect(r.facets.iam?.trustPolicy?.unknownReason).toBeDefined();
  });
});

describe('KMS', () => {
  it('customer key with rotation, AWS-managed key', () => {
    const k = byId(snapshot, CMK);
    expect(k.facets.kms).toEqual({ keyManager: 'CUSTOMER', keySpec: 'SYMMETRIC_DEFAULT', rotation: true, enabled: true });
    expect(k.facetPaths?.['kms.rotation']).toBe('supplementaryConfiguration.KeyRotationStatus');
    const aws = byId(snapshot, `arn:aws:kms:eu-west-1:${ACCT}:key/aaaa1111-2222-3333-4444-555566667777`);
    expect(aws.facets.kms).toMatchObject({ keyManager: 'AWS', rotation: true });
  });

  it('fail: rotation off, disabled and pending deletion, asymmetric spec', () => {
    expect(mapOne('AWS::KMS::Key', { keyManager: 'CUSTOMER' }, { KeyRotationStatus: false }).facets.kms?.rotation).toBe(false);
    expect(mapOne('AWS::KMS::Key', { keyManager: 'CUSTOMER' }).facets.kms?.rotation).toBe(false);
    const k = mapOne('AWS::KMS::Key', { keyState: 'PendingDeletion', deletionDate: '2026-12-05T00:00:00Z', customerMasterKeySpec: 'RSA_2048' });
    expect(k.facets.kms?.enabled).toBe(false);
    expect(k.facets.kms?.keySpec).toBe('RSA_2048');
    expect(isUnknown(k.facets.kms?.pendingWindowInDays)).toBe(true);
    expect(mapOne('AWS::KMS::Key', { keyState: 'Disabled' }).facets.kms?.enabled).toBe(false);
  });

  it('alias in registry casing', () => {
    expect(mapOne('AWS::KMS::Alias', { AliasName: 'alias/pg', TargetKeyId: '1234abcd' }).facets.kms).toEqual({ aliasName: 'alias/pg', targetKey: '1234abcd' });
  });
});

describe('RDS', () => {
  it('cluster: encryption with the recorded key, backups, logs, managed password, parameter group', () => {
    const c = byId(snapshot, `arn:aws:rds:eu-west-1:${ACCT}:cluster:pg-aurora`);
    expect(c.facets).toMatchObject({
      database: { engine: 'aurora-postgresql', parameterGroup: 'pg-aurora-params' },
      encryption: { atRest: 'cmk', keyRef: `arn:aws:kms:eu-west-1:${ACCT}:key/aaaa1111-2222-3333-4444-555566667777` },
      backup: { retentionDays: 7, deletionProtection: true },
      credentials: { plaintextPassword: false, managedMasterPassword: true, iamAuth: false },
      logging: { logExports: ['postgresql'] },
      network: { securityGroups: ['sg-0a1b2c3d'] },
    });
    expect(c.facets.publicAccess).toBeUndefined();
  });

  it('cluster fail: unencrypted, defaults for the rest', () => {
    const c = mapOne('AWS::RDS::DBCluster', { engine: 'Aurora-MySQL', storageEncrypted: false });
    expect(c.facets).toMatchObject({ encryption: { atRest: 'none' }, backup: { retentionDays: 1, deletionProtection: false }, credentials: { managedMasterPassword: false, iamAuth: false }, logging: { logExports: [] }, database: { engine: 'aurora-mysql' } });
  });

  it('Aurora instance: cluster link and public access only', () => {
    const i = byId(snapshot, `arn:aws:rds:eu-west-1:${ACCT}:db:pg-aurora-1`);
    expect(i.facets).toEqual({
      database: { engine: 'aurora-postgresql', cluster: 'pg-aurora', instanceParameterGroup: 'default.aurora-postgresql15' },
      publicAccess: { publiclyAccessible: true },
      network: { securityGroups: ['sg-0a1b2c3d'] },
    });
  });

  it('standalone instance: its own encryption, backup, credentials, logs', () => {
    const i = mapOne('AWS::RDS::DBInstance', { engine: 'postgres', publiclyAccessible: false, storageEncrypted: true, backupRetentionPeriod: 0, iAMDatabaseAuthenticationEnabled: true });
    expect(i.facets).toMatchObject({ publicAccess: { publiclyAccessible: false }, encryption: { atRest: 'aws-managed' }, backup: { retentionDays: 0 }, credentials: { iamAuth: true } });
  });
});

describe('Redshift', () => {
  it('cluster pass: private, encrypted, routed, logged, with roles and parameter group', () => {
    const c = byId(snapshot, `arn:aws:redshift:eu-west-1:${ACCT}:cluster:pg-warehouse`);
    expect(c.facets).toMatchObject({
      publicAccess: { publiclyAccessible: false },
      network: { enhancedVpcRouting: true, securityGroups: ['sg-0a1b2c3d'] },
      encryption: { atRest: 'cmk', keyRef: CMK },
      backup: { snapshotRetentionDays: 7 },
      logging: { auditLogging: true },
      database: { parameterGroup: 'pg-warehouse-params' },
      credentials: { plaintextPassword: false, managedMasterPassword: false, iamRoles: [`arn:aws:iam::${ACCT}:role/pg-redshift-copy`] },
    });
    expect(c.facetPaths?.['logging.auditLogging']).toBe('supplementaryConfiguration.LoggingStatus.loggingEnabled');
  });

  it('cluster fail: unencrypted, no logging status recorded ⇒ off', () => {
    expect(mapOne('AWS::Redshift::Cluster', { encrypted: false, publiclyAccessible: true }).facets).toMatchObject({ encryption: { atRest: 'none' }, logging: { auditLogging: false }, publicAccess: { publiclyAccessible: true } });
  });

  it('parameter group: family and parameters from the supplementary list', () => {
    const pg = byId(snapshot, 'AWS::Redshift::ClusterParameterGroup/pg-warehouse-params');
    expect(pg.facets.database).toEqual({ family: 'redshift-1.0', parameters: { require_ssl: 'true', enable_user_activity_logging: 'true' } });
  });
});

describe('network', () => {
  it('security group: one ingress rule per permission, IPv4 deduplicated, IPv6 kept, group pairs left out', () => {
    const sg = byId(snapshot, `arn:aws:ec2:eu-west-1:${ACCT}:security-group/sg-0a1b2c3d`);
    expect(sg.facets.network).toEqual({
      ingress: [
        { protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrs: ['10.0.0.0/16'], path: 'configuration.ipPermissions[0]' },
        { protocol: 'tcp', fromPort: 5439, toPort: 5439, cidrs: ['0.0.0.0/0', '::/0'], path: 'configuration.ipPermissions[1]' },
        { protocol: '-1', fromPort: -1, toPort: -1, cidrs: [], path: 'configuration.ipPermissions[2]' },
      ],
      vpc: 'vpc-0123',
    });
  });

  it('security group: numeric protocol names, only ipv4Ranges', () => {
    const sg = mapOne('AWS::EC2::SecurityGroup', { ipPermissions: [{ ipProtocol: '6', fromPort: 3306, toPort: 3306, ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] }] });
    expect(sg.facets.network?.ingress?.[0]).toMatchObject({ protocol: 'tcp', fromPort: 3306, cidrs: ['0.0.0.0/0'] });
  });

  it('VPC endpoint and VPC', () => {
    expect(byId(snapshot, 'AWS::EC2::VPCEndpoint/vpce-0abc').facets.network).toEqual({ endpointService: 'com.amazonaws.eu-west-1.dynamodb', endpointType: 'Gateway', vpc: 'vpc-0123', securityGroups: [] });
    expect(mapOne('AWS::EC2::VPCEndpoint', { vpcEndpointType: 'Interface', serviceName: 'com.amazonaws.eu-west-1.kms' }).facets.network?.endpointType).toBe('Interface');
    expect(mapOne('AWS::EC2::VPC', { vpcId: 'vpc-1' }).facets).toEqual({});
  });
});

describe('Glue job, secret, trail, log group, stream', () => {
  it('Glue job: security configuration, arguments, connections; none ⇒ null', () => {
    const j = byId(snapshot, `arn:aws:glue:eu-west-1:${ACCT}:job/pg-nightly`);
    expect(j.facets.glue).toEqual({ securityConfiguration: 'pg-sse-kms', defaultArguments: { '--enable-continuous-cloudwatch-log': 'true', '--job-bookmark-option': 'job-bookmark-enable' } });
    expect(j.facets.network?.connections).toEqual(['pg-vpc']);
    expect(mapOne('AWS::Glue::Job', { Name: 'j' }).facets.glue).toEqual({ securityConfiguration: null, defaultArguments: {} });
  });

  it('secret: CMK and rotation; defaults aws-managed and no rotation', () => {
    const s = byId(snapshot, `arn:aws:secretsmanager:eu-west-1:${ACCT}:secret:pg/app-AbCdEf`);
    expect(s.facets).toEqual({ encryption: { atRest: 'cmk', keyRef: CMK, path: 'configuration.KMSKeyId' }, secret: { rotation: true }, credentials: { plaintextPassword: false } });
    expect(mapOne('AWS::SecretsManager::Secret', { rotationEnabled: false }).facets).toMatchObject({ encryption: { atRest: 'aws-managed' }, secret: { rotation: false } });
  });

  it('trail: multi-region, validation, key; logging status unknown unless recorded', () => {
    const t = byId(snapshot, `arn:aws:cloudtrail:eu-west-1:${ACCT}:trail/pg-org-trail`);
    expect(t.facets.trail).toMatchObject({ multiRegion: true, logFileValidation: true, kmsKey: CMK, dataEvents: [] });
    expect(isUnknown(t.facets.trail?.isLogging)).toBe(true);
    const bare = mapOne('AWS::CloudTrail::Trail', { name: 't', isLogging: false, hasCustomEventSelectors: true });
    expect(bare.facets.trail).toMatchObject({ multiRegion: false, logFileValidation: false, kmsKey: null, isLogging: false });
    expect(isUnknown(bare.facets.trail?.dataEvents?.[0].type)).toBe(true);
  });

  it('trail: data events from classic and advanced selectors', () => {
    const t = mapOne('AWS::CloudTrail::Trail', {
      eventSelectors: [{ readWriteType: 'All', dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::pg-raw-data/'] }] }],
      advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::DynamoDB::Table'] }] }],
    });
    expect(t.facets.trail?.dataEvents).toEqual([
      { type: 'AWS::S3::Object', values: ['arn:aws:s3:::pg-raw-data/'] },
      { type: 'AWS::DynamoDB::Table', values: ['arn:aws:dynamodb'] },
    ]);
  });

  it('log group and Kinesis stream', () => {
    expect(mapOne('AWS::Logs::LogGroup', { retentionInDays: 30, kmsKeyId: CMK }).facets).toMatchObject({ logging: { retentionDays: 30 }, encryption: { atRest: 'cmk' } });
    expect(mapOne('AWS::Logs::LogGroup', {}).facets).toMatchObject({ logging: { retentionDays: null }, encryption: { atRest: 'aws-owned' } });
    expect(mapOne('AWS::Kinesis::Stream', { StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' } }).facets.encryption?.atRest).toBe('aws-managed');
    expect(mapOne('AWS::Kinesis::Stream', {}).facets.encryption?.atRest).toBe('none');
  });
});
