import type { AnyRule, CheckResult, Rule } from './types';
import { isUnknown } from '../model';
import { describeAtRest, display, effectiveAtRest, fail, pass, unknownResult } from './support';
import { dataLevel } from './classification';

/**
 * CloudWatch Logs: the article's audit trail ("Stream Aurora/Postgres logs to CloudWatch Logs; set
 * appropriate retention policies"). Logs of red systems carry red data, so they need the same key.
 */
const retention: Rule = {
  id: 'logs.retention',
  pillar: 'monitoring',
  severity: 'low',
  title: 'Log groups have a retention period (and a customer-managed key when red)',
  rationale:
    'A log group without retention keeps everything forever: cost grows and personal data in logs outlives every deletion obligation. Pillar 6 asks for "appropriate retention policies"; red log groups also need a customer-managed KMS key (pillar 4).',
  remediation: {
    cloudformation: 'AuditLogs:\n  Type: AWS::Logs::LogGroup\n  Properties:\n    RetentionInDays: 365\n    KmsKeyId: !GetAtt LogsKey.Arn   # red data',
    terraform: 'resource "aws_cloudwatch_log_group" "audit" {\n  name              = "/aws/rds/cluster/orders/postgresql"\n  retention_in_days = 365\n  kms_key_id        = aws_kms_key.logs.arn # red data\n}',
  },
  appliesTo: ['AWS::Logs::LogGroup'],
  references: [
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
  ],
  check(group, ctx) {
    const results: CheckResult[] = [];
    const days = group.facets.logging?.retentionDays ?? null;
    const path = 'logging.retentionDays';
    if (isUnknown(days)) results.push(unknownResult(`cannot tell the retention of ${display(group)} (${days.reason}).`, path));
    else if (days === null) results.push(fail(`${display(group)} has no retention period: its logs never expire.`, path));
    else results.push(pass(`${display(group)} keeps logs for ${days} days.`, path));
    if (dataLevel(group, ctx) === 'red') {
      // No KmsKeyId: CloudWatch Logs encrypts with its own service key.
      const atRest = group.facets.encryption ? effectiveAtRest(group, ctx) : 'aws-owned';
      const keyPath = group.facets.encryption?.keyRef !== undefined ? 'encryption.keyRef' : 'encryption.atRest';
      if (atRest === undefined || isUnknown(atRest)) results.push(unknownResult(`cannot tell which key encrypts red log group ${display(group)}${atRest ? ` (${atRest.reason})` : ''}.`, keyPath));
      else if (atRest === 'cmk') results.push(pass(`red log group ${display(group)} is ${describeAtRest(atRest)}.`, keyPath));
      else results.push(fail(`red log group ${display(group)} is ${describeAtRest(atRest)}; it needs a customer-managed key.`, keyPath));
    }
    return results;
  },
};

export const rules: AnyRule[] = [retention];
