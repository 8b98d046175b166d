import { resourceOf, single, unknownValue } from './helpers';

const map = (type: string, props: string, extra = '') => resourceOf(single(type, props, extra), 'R');

describe('network', () => {
  test('security group: one ingress rule per entry, ports and CIDRs', () => {
    const r = map('AWS::EC2::SecurityGroup', 'GroupDescription: x\nVpcId: vpc-1\nSecurityGroupIngress:\n  - { IpProtocol: TCP, FromPort: 5432, ToPort: 5432, CidrIp: 0.0.0.0/0 }\n  - { IpProtocol: "-1", CidrIpv6: ::/0 }\n  - { IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: sg-2 }');
    expect(r.facets.network).toEqual({
      vpc: 'vpc-1',
      ingress: [
        { protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrs: ['0.0.0.0/0'], path: 'SecurityGroupIngress[0]' },
        { protocol: '-1', fromPort: -1, toPort: -1, cidrs: ['::/0'], path: 'SecurityGroupIngress[1]' },
        { protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: [], path: 'SecurityGroupIngress[2]' },
      ],
    });
    expect(map('AWS::EC2::SecurityGroup', 'GroupDescription: closed').facets.network!.ingress).toEqual([]);
  });

  test('separate ingress resource names its group', () => {
    const r = resourceOf('Resources:\n  G: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: g } }\n  R:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties: { GroupId: !Ref G, IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 10.0.0.0/8 }\n', 'R');
    expect(r.facets.network).toEqual({ securityGroups: ['${G}'], ingress: [{ protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrs: ['10.0.0.0/8'] }] });
  });

  test('VPC endpoint (default Gateway) and VPC', () => {
    const r = map('AWS::EC2::VPCEndpoint', 'VpcId: vpc-1\nServiceName: !Sub com.amazonaws.${AWS::Region}.dynamodb');
    expect(r.facets.network).toEqual({ endpointService: 'com.amazonaws.${AWS::Region}.dynamodb', endpointType: 'Gateway', vpc: 'vpc-1' });
    expect(map('AWS::EC2::VPCEndpoint', 'VpcId: v\nServiceName: s\nVpcEndpointType: Interface').facets.network!.endpointType).toBe('Interface');
    expect(map('AWS::EC2::VPC', 'CidrBlock: 10.0.0.0/16').facets).toEqual({});
  });
});

describe('KMS', () => {
  test('key with rotation and policy; key without rotation and a public policy', () => {
    const good = map('AWS::KMS::Key', 'EnableKeyRotation: true\nKeyPolicy:\n  Statement:\n    - { Effect: Allow, Principal: { AWS: arn:aws:iam::1:root }, Action: "kms:*", Resource: "*" }');
    expect(good.facets.kms).toMatchObject({ rotation: true, keySpec: 'SYMMETRIC_DEFAULT', enabled: true, keyManager: 'CUSTOMER' });
    expect(good.facets.kms!.policy!.statements[0]).toMatchObject({ path: 'KeyPolicy.Statement[0]', principals: [{ type: 'AWS', value: 'arn:aws:iam::1:root' }] });
    const bad = map('AWS::KMS::Key', 'KeySpec: RSA_2048\nEnabled: false\nPendingWindowInDays: 7\nKeyPolicy:\n  Statement:\n    - { Effect: Allow, Principal: "*", Action: kms:Decrypt, Resource: "*" }');
    expect(bad.facets.kms).toMatchObject({ rotation: false, keySpec: 'RSA_2048', enabled: false, pendingWindowInDays: 7 });
    expect(bad.facets.kms!.policy!.statements[0].principals).toEqual([{ type: '*', value: '*' }]);
  });

  test('alias', () => {
    const r = resourceOf('Resources:\n  K: { Type: AWS::KMS::Key }\n  R: { Type: AWS::KMS::Alias, Properties: { AliasName: alias/data, TargetKeyId: !Ref K } }\n', 'R');
    expect(r.facets.kms).toEqual({ aliasName: 'alias/data', targetKey: '${K}' });
    expect(r.name).toBe('alias/data');
  });
});

describe('IAM', () => {
  test('role: trust policy, inline policies with paths, managed policies, boundary', () => {
    const r = map('AWS::IAM::Role', 'RoleName: etl\nAssumeRolePolicyDocument:\n  Statement: [{ Effect: Allow, Principal: { Service: glue.amazonaws.com }, Action: sts:AssumeRole }]\nManagedPolicyArns: [!Sub "arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess"]\nPermissionsBoundary: arn:aws:iam::1:policy/b\nPolicies:\n  - PolicyName: p\n    PolicyDocument: { Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }');
    expect(r.facets.iam).toMatchObject({
      principalKind: 'role',
      managedPolicies: ['arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess'],
      permissionsBoundary: 'arn:aws:iam::1:policy/b',
      inlinePolicies: [{ name: 'p', path: 'Policies[0].PolicyDocument', document: { statements: [{ effect: 'Allow', actions: ['*'], resources: ['*'], path: 'Policies[0].PolicyDocument.Statement[0]' }] } }],
      trustPolicy: { statements: [{ principals: [{ type: 'Service', value: 'glue.amazonaws.com' }], path: 'AssumeRolePolicyDocument.Statement[0]' }] },
    });
  });

  test('policy documents given as JSON strings are normalised too', () => {
    const r = map('AWS::IAM::ManagedPolicy', `PolicyDocument: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'\nRoles: [r1]`);
    expect(r.facets.iam).toMatchObject({ inline: false, attachedTo: ['r1'], document: { statements: [{ actions: ['s3:GetObject'] }] } });
  });

  test('user, group, inline policy resources, access key', () => {
    const user = map('AWS::IAM::User', 'UserName: u\nGroups: [admins]\nLoginProfile: { Password: Hunter2Hunter2 }');
    expect(user.facets.iam).toMatchObject({ principalKind: 'user', groups: ['admins'], inlinePolicies: [], managedPolicies: [] });
    expect(user.facets.credentials!.plaintextPassword).toBe(true);
    // No LoginProfile: no console password, so no credentials facet (as in Terraform and AWS Config).
    expect(map('AWS::IAM::User', 'UserName: v').facets.credentials).toBeUndefined();
    expect(map('AWS::IAM::User', 'LoginProfile: { Password: "{{resolve:secretsmanager:u:SecretString:p}}" }').facets.credentials!.plaintextPassword).toBe(false);
    expect(map('AWS::IAM::Group', 'GroupName: g').facets.iam).toMatchObject({ principalKind: 'group' });
    const pol = map('AWS::IAM::Policy', 'PolicyName: p\nRoles: [a]\nUsers: [b]\nPolicyDocument: { Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }');
    expect(pol.facets.iam).toMatchObject({ inline: true, attachedTo: ['a', 'b'] });
    expect(map('AWS::IAM::RolePolicy', 'PolicyName: p\nRoleName: r\nPolicyDocument: {}').facets.iam).toMatchObject({ inline: true, attachedTo: ['r'] });
    expect(map('AWS::IAM::UserPolicy', 'PolicyName: p\nUserName: u\nPolicyDocument: {}').facets.iam!.attachedTo).toEqual(['u']);
    expect(map('AWS::IAM::GroupPolicy', 'PolicyName: p\nGroupName: g\nPolicyDocument: {}').facets.iam!.attachedTo).toEqual(['g']);
    expect(map('AWS::IAM::AccessKey', 'UserName: u').facets.secret).toEqual({ accessKeyUser: 'u' });
  });
});

describe('Secrets Manager', () => {
  test('generated secret with CMK; literal secret with default key', () => {
    const good = map('AWS::SecretsManager::Secret', 'Name: s\nKmsKeyId: k\nGenerateSecretString: { PasswordLength: 32 }');
    expect(good.facets).toEqual({ encryption: { atRest: 'cmk', keyRef: 'k', path: 'KmsKeyId' }, secret: { rotation: false }, credentials: { plaintextPassword: false, passwordPath: 'SecretString' } });
    const bad = map('AWS::SecretsManager::Secret', `SecretString: '{"password":"hunter2"}'`);
    expect(bad.facets).toMatchObject({ encryption: { atRest: 'aws-managed' }, credentials: { plaintextPassword: true } });
  });

  test('rotation schedule names its secret', () => {
    const r = resourceOf('Resources:\n  S: { Type: AWS::SecretsManager::Secret }\n  R: { Type: AWS::SecretsManager::RotationSchedule, Properties: { SecretId: !Ref S, RotationRules: { AutomaticallyAfterDays: 30 } } }\n', 'R');
    expect(r.facets.secret).toEqual({ rotates: '${S}' });
  });

  test('resource policy: its document, statement by statement', () => {
    const r = map('AWS::SecretsManager::ResourcePolicy', 'SecretId: s\nResourcePolicy:\n  Statement:\n    - { Effect: Allow, Principal: { AWS: "arn:aws:iam::444455556666:root" }, Action: secretsmanager:GetSecretValue, Resource: "*" }');
    const statements = r.facets.resourcePolicy!.statements;
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ effect: 'Allow', actions: ['secretsmanager:GetSecretValue'], resources: ['*'] });
    expect(JSON.stringify(statements[0])).toContain('444455556666');
    expect(map('AWS::SecretsManager::ResourcePolicy', 'SecretId: s').facets.resourcePolicy!.statements).toEqual([]);
  });
});

describe('CloudTrail', () => {
  test('a complete trail with basic and advanced data-event selectors', () => {
    const r = map('AWS::CloudTrail::Trail', 'TrailName: t\nIsLogging: true\nIsMultiRegionTrail: true\nEnableLogFileValidation: true\nKMSKeyId: k\nEventSelectors:\n  - DataResources: [{ Type: AWS::S3::Object, Values: [arn:aws:s3] }]\nAdvancedEventSelectors:\n  - FieldSelectors:\n      - { Field: eventCategory, Equals: [Data] }\n      - { Field: resources.type, Equals: [AWS::DynamoDB::Table] }');
    expect(r.facets.trail).toEqual({
      multiRegion: true,
      logFileValidation: true,
      kmsKey: 'k',
      isLogging: true,
      dataEvents: [
        { type: 'AWS::S3::Object', values: ['arn:aws:s3'] },
        { type: 'AWS::DynamoDB::Table', values: ['arn:aws:dynamodb'] },
      ],
    });
  });

  test('a minimal trail', () => {
    const r = map('AWS::CloudTrail::Trail', 'IsLogging: false\nS3BucketName: b');
    expect(r.facets.trail).toEqual({ multiRegion: false, logFileValidation: false, kmsKey: null, isLogging: false, dataEvents: [] });
  });
});

describe('other types', () => {
  test('unknown and custom types are kept with no facets; CDK metadata is skipped', () => {
    const r = resourceOf('Resources:\n  R: { Type: AWS::SNS::Topic, Properties: { Tags: [{ Key: a, Value: b }] } }\n  C: { Type: Custom::Thing }\n  M: { Type: AWS::CDK::Metadata }\n', 'R');
    expect(r.facets).toEqual({});
    expect(r.tags).toEqual({ a: 'b' });
  });

  test('tags as a map, unknown tags', () => {
    expect(map('AWS::Glue::Job', 'Command: { Name: glueetl }\nTags: { team: data }').tags).toEqual({ team: 'data' });
    const u = resourceOf(single('AWS::S3::Bucket', 'Tags: !Ref T', 'Parameters:\n  T: { Type: String }\n'), 'R');
    expect(u.tagsUnknown).toMatch(/T/);
    expect(resourceOf(single('AWS::S3::Bucket', 'Tags: [{ Key: a, Value: !Ref T }]', 'Parameters:\n  T: { Type: String }\n'), 'R').tags.a).toEqual(unknownValue);
  });
});
