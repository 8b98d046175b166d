/*
 * Builders for the reference corpus: small CloudFormation templates (plain objects, intrinsic
 * functions in their long form, so both `fullDiff` and our parser read the same thing).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Template = { [key: string]: Json };
export type Statement = { [key: string]: Json };

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const BUCKET_ARN = 'arn:aws:s3:::orders-data';
export const TABLE_ARN = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`;
export const TABLES_ARN = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/*`;
export const WORKER_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/worker`;

export const doc = (...Statement: Statement[]): Json => ({ Version: '2012-10-17', Statement });
export const allow = (Action: Json, Resource: Json = '*', extra: Statement = {}): Statement => ({ Effect: 'Allow', Action, Resource, ...extra });
export const deny = (Action: Json, Resource: Json = '*', extra: Statement = {}): Statement => ({ Effect: 'Deny', Action, Resource, ...extra });
export const ref = (id: string): Json => ({ Ref: id });
export const arnOf = (id: string): Json => ({ 'Fn::GetAtt': [id, 'Arn'] });

export const LAMBDA_TRUST: Statement = { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };

/** Resources present on both sides of every case (so only the change under test differs). */
const COMMON: Template = {
  DataBucket: {
    Type: 'AWS::S3::Bucket',
    Properties: {
      BucketName: 'orders-data',
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      Tags: [
        { Key: 'data_classification', Value: 'green' },
        { Key: 'owner', Value: 'data-platform' },
      ],
    },
  },
};

export function template(resources: Template): Template {
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: { ...COMMON, ...resources } };
}

export interface RoleOptions {
  trust?: Statement[];
  managed?: string[];
  /** An ARN, or `{ Ref: … }` to a managed policy of the template. */
  boundary?: Json;
  /** More resources beside the role. */
  extra?: Template;
}

/** `AppRole` (trusted by Lambda unless `trust` says otherwise) with one inline policy of these statements. */
export function roleResource(statements: Statement[], o: Omit<RoleOptions, 'extra'> = {}): Json {
  const props: { [key: string]: Json } = { AssumeRolePolicyDocument: doc(...(o.trust ?? [LAMBDA_TRUST])) };
  if (o.managed) props.ManagedPolicyArns = o.managed;
  if (o.boundary) props.PermissionsBoundary = o.boundary;
  if (statements.length) props.Policies = [{ PolicyName: 'app', PolicyDocument: doc(...statements) }];
  return { Type: 'AWS::IAM::Role', Properties: props };
}

export function role(statements: Statement[], o: RoleOptions = {}): Template {
  return template({ AppRole: roleResource(statements, o), ...(o.extra ?? {}) });
}

/** `AppRole` without policies of its own and a separate policy resource of the given type attached to the named roles. */
export function policyResource(type: 'AWS::IAM::Policy' | 'AWS::IAM::ManagedPolicy', statements: Statement[], roles: string[] = ['AppRole']): Template {
  const props: { [key: string]: Json } = { PolicyDocument: doc(...statements), Roles: roles.map(ref) };
  if (type === 'AWS::IAM::Policy') props.PolicyName = 'app';
  const out: Template = { AppRole: roleResource([]), AppPolicy: { Type: type, Properties: props } };
  for (const r of roles) if (r !== 'AppRole') out[r] = roleResource([]);
  return template(out);
}

export function key(statements: Statement[]): Template {
  return template({ DataKey: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: doc(...statements) } } });
}

export function bucketPolicy(statements: Statement[]): Template {
  return template({ DataBucketPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: ref('DataBucket'), PolicyDocument: doc(...statements) } } });
}

export function securityGroup(ingress: Statement[]): Template {
  return template({ AppSecurityGroup: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'app', VpcId: 'vpc-0a1b2c3d', SecurityGroupIngress: ingress } } });
}

export function secretPolicy(statements: Statement[]): Template {
  return template({
    DbSecret: { Type: 'AWS::SecretsManager::Secret', Properties: { Description: 'database credentials', KmsKeyId: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, GenerateSecretString: { PasswordLength: 32 } } },
    DbSecretPolicy: { Type: 'AWS::SecretsManager::ResourcePolicy', Properties: { SecretId: ref('DbSecret'), BlockPublicPolicy: true, ResourcePolicy: doc(...statements) } },
  });
}

export function queuePolicy(statements: Statement[]): Template {
  return template({
    Jobs: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: 'alias/aws/sqs' } },
    JobsPolicy: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [ref('Jobs')], PolicyDocument: doc(...statements) } },
  });
}

export function lambdaPermission(principal: string | undefined): Template {
  const resources: Template = {
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: { Runtime: 'python3.12', Handler: 'index.handler', Role: WORKER_ROLE_ARN, Code: { ZipFile: 'def handler(e, c):\n  return e\n' } },
    },
  };
  if (principal) resources.FnInvoke = { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: ref('Fn'), Principal: principal } };
  return template(resources);
}
