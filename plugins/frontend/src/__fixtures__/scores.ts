import type { Entity } from '@backstage/catalog-model';
import type { EntityScores, HistoryPoint, Overview, Pillar, PillarScore } from '../api/types';
import { PILLARS } from '../api/types';

/** Test doubles in the shapes the backend serves (plugins/backend/openapi.yaml). */
const pillar = (p: Pillar, score: number | null): PillarScore => ({ pillar: p, score, passed: score === null ? 0 : 3, failed: score === null || score === 100 ? 0 : 1, unknown: 0 });
const SCORES: Record<Pillar, number | null> = { identity: null, classification: 100, network: null, encryption: 0, secrets: null, monitoring: null, 'policy-as-code': 75, recovery: 63 };

export const tableEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'customer-profiles-table', annotations: { 'aws.amazon.com/arn': 'arn:aws:dynamodb:eu-west-1:111122223333:table/customer-profiles' } },
  spec: { type: 'dynamodb-table', owner: 'group:default/team-orders' },
};

export const plainEntity: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Resource', metadata: { name: 'plain' }, spec: { type: 'database' } };

export const scores: EntityScores = {
  entityRef: 'resource:default/customer-profiles-table',
  title: 'Customer profiles table',
  owner: 'group:default/team-orders',
  type: 'dynamodb-table',
  system: 'system:default/orders',
  level: 'bronze',
  overall: 57,
  pillars: Object.fromEntries(PILLARS.map((p) => [p, pillar(p, SCORES[p])])) as Record<Pillar, PillarScore>,
  findings: [
    {
      id: 'f1',
      ruleId: 'dynamodb.cmk',
      pillar: 'encryption',
      severity: 'high',
      title: 'Red and orange tables use a customer-managed KMS key',
      verdict: 'fail',
      message: 'red table is encrypted with an AWS-owned key; red data needs a customer-managed KMS key.',
      path: 'configuration.sseDescription.status',
      resource: { id: 'arn:aws:dynamodb:eu-west-1:111122223333:table/customer-profiles', type: 'AWS::DynamoDB::Table' },
      remediation: { cloudformation: 'SSESpecification:\n  SSEEnabled: true\n  SSEType: KMS', terraform: 'server_side_encryption {\n  enabled = true\n}' },
      rationale: 'A customer-managed key lets you audit and revoke access to the data.',
    },
    {
      id: 'f2',
      ruleId: 'dynamodb.deletion-protection',
      pillar: 'recovery',
      severity: 'medium',
      title: 'Tables have deletion protection',
      verdict: 'fail',
      message: 'deletion protection is off.',
      path: 'configuration.deletionProtectionEnabled',
      resource: { id: 'arn:aws:dynamodb:eu-west-1:111122223333:table/customer-profiles', type: 'AWS::DynamoDB::Table' },
      remediation: { cloudformation: 'DeletionProtectionEnabled: true', terraform: 'deletion_protection_enabled = true' },
    },
  ],
  compliance: { 'arn:aws:dynamodb:eu-west-1:111122223333:table/customer-profiles': [{ rule: 'dynamodb-pitr-enabled', compliance: 'COMPLIANT' }] },
  resources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/customer-profiles'],
  rolledUp: [],
  problems: [],
  evaluatedAt: '2026-11-29T03:00:00.000Z',
  checkedAt: '2026-11-29T04:00:00.000Z',
  stale: false,
  ageSeconds: 60,
};

export const history: HistoryPoint[] = [
  { evaluatedAt: '2026-11-01T00:00:00.000Z', level: 'bronze', overall: 50, pillars: { ...SCORES, recovery: 50 }, findingCount: 3 },
  { evaluatedAt: '2026-11-29T03:00:00.000Z', level: 'bronze', overall: 57, pillars: SCORES, findingCount: 2 },
];

export function overview(n: number, page = 1, pageSize = 25): Overview {
  const items = Array.from({ length: Math.min(pageSize, Math.max(0, n - (page - 1) * pageSize)) }, (_, i) => {
    const k = (page - 1) * pageSize + i;
    return {
      ref: `resource:default/table-${k}`,
      kind: 'resource',
      namespace: 'default',
      name: `table-${k}`,
      owner: `group:default/team-${k % 3}`,
      type: 'dynamodb-table',
      level: 'silver' as const,
      overall: 80 + (k % 20),
      pillars: Object.fromEntries(PILLARS.map((p, j) => [p, j === 0 ? null : (k + j * 7) % 101])) as Record<Pillar, number | null>,
      findingCount: k % 4,
      criticalCount: 0,
      highCount: k % 2,
      resourceCount: 1,
      evaluatedAt: '2026-11-29T03:00:00.000Z',
    };
  });
  return { items, page, pageSize, total: n, summary: { entities: n, levels: { none: 0, bronze: 0, silver: n, gold: 0 }, pillars: Object.fromEntries(PILLARS.map((p) => [p, 80])) as Record<Pillar, number | null>, overall: 88.5, findings: 2 * n }, checkedAt: '2026-11-29T04:00:00.000Z', stale: false, ageSeconds: 30 };
}
