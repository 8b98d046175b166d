import type { PolicyStatement } from '../model';
import { isKnownService } from './catalog';

/**
 * AWS-managed policies, recognised by ARN (`arn:aws:iam::aws:policy/AdministratorAccess`,
 * `arn:aws:iam::aws:policy/service-role/...`). Their documents are not in the input, so we model
 * the ones that matter by name. This is an APPROXIMATION, documented here on purpose:
 *
 * - `AdministratorAccess` = Allow `*` on `*` (exact).
 * - `PowerUserAccess` = Allow everything except `iam:*`, `organizations:*`, `account:*` on `*`,
 *   plus the few IAM/Organizations/Account actions AWS adds back (service-linked roles, ListRoles,
 *   DescribeOrganization, account region/information reads).
 * - `IAMFullAccess` = `iam:*` on `*` (the real policy also lists a few Organizations reads).
 * - `<Service>FullAccess` (`AmazonDynamoDBFullAccess`, `AWSLambda_FullAccess`, …) = `<service>:*`
 *   on `*`. The real policies also grant supporting actions in other services (CloudWatch,
 *   Application Auto Scaling, sometimes a scoped `iam:PassRole`), which this model leaves out.
 * - `ReadOnlyAccess` / `<Service>ReadOnlyAccess` = `Get*`, `List*`, `Describe*`, `BatchGet*` on the
 *   service (all services for `ReadOnlyAccess`). The real ones vary per service but grant no
 *   Write or Permissions-management access, which is what the rules ask.
 * Any other AWS-managed policy is `unmodelled`: callers report that they cannot tell.
 */
export type AwsManagedModel =
  | { kind: 'modelled'; name: string; statements: PolicyStatement[] }
  | { kind: 'unmodelled'; name: string };

// The partition may still be a placeholder (`arn:${AWS::Partition}:…`, `arn:${data.aws_partition.current.partition}:…`).
const AWS_MANAGED_ARN = /^arn:(?:aws[a-z-]*|\$\{[^}]+\}):iam::aws:policy\/(?:.*\/)?([^/]+)$/;

/** Policy names whose service prefix cannot be derived from the name itself. */
const SERVICE_OF_NAME: Record<string, string> = {
  AWSGlueConsoleFullAccess: 'glue',
  SecretsManagerReadWrite: 'secretsmanager',
  AmazonRedshiftDataFullAccess: 'redshift-data',
  AmazonRDSDataFullAccess: 'rds-data',
  CloudWatchLogsFullAccess: 'logs',
  CloudWatchLogsReadOnlyAccess: 'logs',
  AmazonDynamoDBReadOnlyAccess: 'dynamodb',
  AWSCloudTrail_ReadOnlyAccess: 'cloudtrail',
};

/** The policy name when `ref` is an AWS-managed policy ARN, else undefined. */
export function awsManagedPolicyName(ref: string): string | undefined {
  return AWS_MANAGED_ARN.exec(ref.trim())?.[1];
}

function allow(actions: string[], notActions?: string[]): PolicyStatement {
  const s: PolicyStatement = { effect: 'Allow', resources: ['*'], conditions: {} };
  if (notActions) s.notActions = notActions;
  else s.actions = actions;
  return s;
}

/** `AmazonDynamoDBFullAccess` → `dynamodb`; `AWSLambda_FullAccess` → `lambda`; undefined when no catalog service matches. */
function serviceOf(name: string, suffix: RegExp): string | undefined {
  const explicit = SERVICE_OF_NAME[name];
  if (explicit) return explicit;
  const core = name.replace(suffix, '').replace(/^(Amazon|AWS)/, '').replace(/_$/, '');
  const guess = core.toLowerCase();
  return guess && isKnownService(guess) ? guess : undefined;
}

const READ_PATTERNS = ['Get*', 'List*', 'Describe*', 'BatchGet*'];

/** Model of one AWS-managed policy by name (see the module comment for what is approximated). */
export function awsManagedModel(name: string): AwsManagedModel {
  if (name === 'AdministratorAccess') return { kind: 'modelled', name, statements: [allow(['*'])] };
  if (name === 'PowerUserAccess') {
    return {
      kind: 'modelled',
      name,
      statements: [
        allow([], ['iam:*', 'organizations:*', 'account:*']),
        allow(['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization', 'account:ListRegions', 'account:GetAccountInformation']),
      ],
    };
  }
  if (name === 'IAMFullAccess') return { kind: 'modelled', name, statements: [allow(['iam:*'])] };
  if (name === 'ReadOnlyAccess') return { kind: 'modelled', name, statements: [allow(READ_PATTERNS.map((p) => `*:${p}`))] };
  if (/ReadOnlyAccess$/.test(name)) {
    const service = serviceOf(name, /_?ReadOnlyAccess$/);
    if (service) return { kind: 'modelled', name, statements: [allow(READ_PATTERNS.map((p) => `${service}:${p}`))] };
  }
  if (/FullAccess$|ReadWrite$/.test(name)) {
    const service = serviceOf(name, /_?(FullAccess|ReadWrite)$/);
    if (service) return { kind: 'modelled', name, statements: [allow([`${service}:*`])] };
  }
  return { kind: 'unmodelled', name };
}
