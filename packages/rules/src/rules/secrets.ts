import type { AnyRule, Rule } from './types';
import { isUnknown } from '../model';
import { describeAtRest, display, effectiveAtRest, fail, pass, requireTrue, unknownResult } from './support';
import { dataLevel } from './classification';

/**
 * Pillar 5 (secrets and credential management): "Never store your passwords in a code base … don't
 * use permanent keys; always use rotating or temporary ones."
 */

const SECRET = 'AWS::SecretsManager::Secret';

/** Every type whose adapter reports a literal password in `credentials`. */
const CREDENTIAL_TYPES = ['AWS::Redshift::Cluster', 'AWS::RedshiftServerless::Namespace', 'AWS::RDS::DBCluster', 'AWS::RDS::DBInstance', 'AWS::Glue::Connection', 'AWS::IAM::User', SECRET];

const plaintextPassword: Rule = {
  id: 'secrets.plaintext-password',
  pillar: 'secrets',
  severity: 'critical',
  title: 'No literal passwords in infrastructure code',
  rationale:
    'A password written into a template or a Terraform file is readable by everyone with access to the repository, the CloudFormation console or the Terraform state, forever (git history). Pillar 5: "Never store your passwords in a code base"; use Secrets Manager or a managed master password.',
  remediation: {
    cloudformation: 'OrdersCluster:\n  Type: AWS::RDS::DBCluster\n  Properties:\n    MasterUsername: admin\n    ManageMasterUserPassword: true   # instead of MasterUserPassword\n    # or: MasterUserPassword: "{{resolve:secretsmanager:orders-db:SecretString:password}}"',
    terraform: 'resource "aws_rds_cluster" "orders" {\n  # ...\n  master_username             = "admin"\n  manage_master_user_password = true # instead of master_password\n}',
  },
  appliesTo: CREDENTIAL_TYPES,
  references: [
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-secrets-manager.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/best-practices.html',
  ],
  check(resource) {
    const creds = resource.facets.credentials;
    if (!creds) return undefined;
    const v = creds.plaintextPassword ?? false;
    const path = creds.passwordPath ?? 'credentials.plaintextPassword';
    if (isUnknown(v)) return unknownResult(`cannot tell whether ${display(resource)} holds a literal password (${v.reason}).`, path);
    if (!v) return pass(`${display(resource)} holds no literal password.`, path);
    const what = resource.type === SECRET ? 'its secret value is written literally in the code' : `a literal password is written in ${creds.passwordPath ?? 'the code'}`;
    return fail(`${display(resource)}: ${what}; anyone who reads the repository or the stack/state reads it.`, path);
  },
};

const rotation: Rule = {
  id: 'secrets.rotation',
  pillar: 'secrets',
  severity: 'medium',
  title: 'Secrets Manager secrets rotate automatically',
  rationale:
    'A secret that never rotates is a permanent key: once leaked it stays valid. Pillar 5: Secrets Manager "locks them up and changes them periodically" — only if rotation is configured.',
  remediation: {
    cloudformation: 'OrdersDbRotation:\n  Type: AWS::SecretsManager::RotationSchedule\n  Properties:\n    SecretId: !Ref OrdersDbSecret\n    HostedRotationLambda:\n      RotationType: PostgreSQLSingleUser\n    RotationRules:\n      ScheduleExpression: rate(30 days)',
    terraform: 'resource "aws_secretsmanager_secret_rotation" "orders_db" {\n  secret_id           = aws_secretsmanager_secret.orders_db.id\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}',
  },
  appliesTo: [SECRET],
  references: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html'],
  check(secret) {
    return requireTrue(secret.facets.secret?.rotation, 'secret.rotation', `${display(secret)} rotates automatically.`, `${display(secret)} has no rotation schedule.`);
  },
};

/**
 * A secret is "for red data" when it is classified red itself. The facets carry no link from a
 * cluster or instance to the secret that holds its password (dynamic references and
 * `MasterUserSecret` are not modelled), so a red database's secret must be tagged red too; the
 * rationale says so.
 */
const cmk: Rule = {
  id: 'secrets.cmk',
  pillar: 'secrets',
  severity: 'medium',
  title: 'Secrets for red data are encrypted with a customer-managed KMS key',
  rationale:
    'The credentials of a red database are as sensitive as its data: with a customer-managed key, its key policy decides who may decrypt them, and every decryption is logged against that key (pillars 4 and 5). Tag the secret of a red database red as well: the check reads the secret\'s own classification.',
  remediation: {
    cloudformation: 'OrdersDbSecret:\n  Type: AWS::SecretsManager::Secret\n  Properties:\n    KmsKeyId: !Ref SecretsKey\n    Tags:\n      - Key: data_classification\n        Value: red',
    terraform: 'resource "aws_secretsmanager_secret" "orders_db" {\n  name       = "orders-db"\n  kms_key_id = aws_kms_key.secrets.arn\n  tags = {\n    data_classification = "red"\n  }\n}',
  },
  appliesTo: [SECRET],
  references: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html'],
  check(secret, ctx) {
    if (dataLevel(secret, ctx) !== 'red') return undefined;
    // No KmsKeyId: Secrets Manager uses the AWS-managed key aws/secretsmanager.
    const atRest = secret.facets.encryption ? effectiveAtRest(secret, ctx) : 'aws-managed';
    const path = secret.facets.encryption?.keyRef !== undefined ? 'encryption.keyRef' : 'encryption.atRest';
    if (atRest === undefined) return unknownResult(`cannot tell how red secret ${display(secret)} is encrypted.`, path);
    if (isUnknown(atRest)) return unknownResult(`cannot tell which key encrypts red secret ${display(secret)} (${atRest.reason}).`, path);
    if (atRest === 'cmk') return pass(`red secret ${display(secret)} is ${describeAtRest(atRest)}.`, path);
    return fail(`red secret ${display(secret)} is ${describeAtRest(atRest)}; it needs a customer-managed key.`, path);
  },
};

const accessKeys: Rule = {
  id: 'secrets.access-keys',
  pillar: 'secrets',
  severity: 'high',
  title: 'No IAM access keys defined in infrastructure code',
  rationale:
    'An IAM access key is a permanent credential: it does not expire, and one created by IaC usually ends up in outputs or state. Pillar 5: "let it borrow a temporary key through IAM roles … don\'t use permanent keys."',
  remediation: {
    cloudformation: '# Remove the AWS::IAM::AccessKey; give the workload an IAM role instead\nAppRole:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Principal: { Service: ecs-tasks.amazonaws.com }\n          Action: sts:AssumeRole',
    terraform: '# Remove aws_iam_access_key; use a role (or IAM Identity Center for people)\nresource "aws_iam_role" "app" {\n  name               = "app"\n  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json\n}',
  },
  appliesTo: ['AWS::IAM::AccessKey'],
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
  check(key) {
    const user = key.facets.secret?.accessKeyUser;
    const who = user === undefined ? 'an IAM user' : isUnknown(user) ? `an IAM user (unknown: ${user.reason})` : `IAM user ${user}`;
    return fail(`${display(key)} creates a long-lived access key for ${who}.`, 'secret.accessKeyUser');
  },
};

export const rules: AnyRule[] = [plaintextPassword, rotation, cmk, accessKeys];
