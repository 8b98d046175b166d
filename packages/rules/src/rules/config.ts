import type { RuleMeta } from './types';

/**
 * Rules about Pillarguard's own configuration. They have no check function on resources: the
 * engine produces their verdicts (an expired suppression is found while applying suppressions).
 */
export const SUPPRESSION_EXPIRED: RuleMeta = {
  id: 'config.suppression-expired',
  pillar: 'policy-as-code',
  severity: 'medium',
  title: 'A suppression in the configuration has expired',
  rationale:
    'A suppression is an accepted risk with an end date. Once the date has passed the risk must be reviewed again: the suppression stops applying and is reported until it is renewed with a reason or removed (pillar 7, policy as code).',
  remediation: {
    cloudformation: '# pillarguard.yml\nsuppressions:\n  - rule: dynamodb.pitr\n    resource: OrdersTable\n    reason: "Rebuilt nightly from S3; PITR adds no recovery value (SEC-1234)"\n    expires: 2027-06-30',
    terraform: '# pillarguard.yml\nsuppressions:\n  - rule: dynamodb.pitr\n    resource: aws_dynamodb_table.orders\n    reason: "Rebuilt nightly from S3; PITR adds no recovery value (SEC-1234)"\n    expires: 2027-06-30',
  },
  appliesTo: [],
};
