import { scan } from '../engine/scan';
import { DEFAULT_CONFIG, type EngineConfig } from '../config/types';
import { diffScans } from './engine';
import { ALL_CHANGE_RULES } from './rules';

/**
 * DESIGN.md's default approval policy for new IAM access, end to end through real templates and
 * the real change rules: List/Read on named, non-red resources passes (still reported); Read on
 * red data, anything on `*`, and Write need a reviewer.
 */
const NOW = '2026-11-28T00:00:00Z';

function template(level: string, actions: string[], resource: string): string {
  return `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
      DeletionProtectionEnabled: true
      Tags: [{ Key: data_classification, Value: ${level} }, { Key: owner, Value: team }]
  Reader:
    Type: AWS::IAM::Role
    Properties:
      Tags: [{ Key: owner, Value: team }]
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: read
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [${actions.join(', ')}]
                Resource: ${resource}
                Condition: { StringEquals: { aws:ResourceTag/owner: team }, ForAllValues:StringEquals: { dynamodb:LeadingKeys: ["\${aws:userid}"] } }
`;
}

async function verdict(level: string, before: string[], after: string[], resource = '{ "Fn::GetAtt": [Orders, Arn] }', config: EngineConfig = DEFAULT_CONFIG) {
  const base = await scan([{ path: 't.yaml', content: template(level, before, resource) }], { now: NOW, config });
  const head = await scan([{ path: 't.yaml', content: template(level, after, resource) }], { now: NOW, config });
  const d = diffScans(base, head, { config, changeRules: ALL_CHANGE_RULES });
  return { newAccess: d.findings.filter((f) => f.ruleId === 'iam.new-access'), reasons: d.approval.reasons.map((r) => r.ruleId) };
}

describe('approval of new IAM access', () => {
  it('lets new Read on a named orange table through, and still reports it', async () => {
    const v = await verdict('orange', ['dynamodb:GetItem'], ['dynamodb:GetItem', 'dynamodb:Query']);
    expect(v.newAccess).toHaveLength(1);
    expect(v.reasons).not.toContain('iam.new-access');
  });

  it('needs approval for new Read on red data (the exfiltration path)', async () => {
    const v = await verdict('red', ['dynamodb:GetItem'], ['dynamodb:GetItem', 'dynamodb:Query']);
    expect(v.reasons).toContain('iam.new-access');
  });

  it('needs approval for new Write, and for Read on every resource', async () => {
    expect((await verdict('orange', ['dynamodb:GetItem'], ['dynamodb:GetItem', 'dynamodb:PutItem'])).reasons).toContain('iam.new-access');
    expect((await verdict('orange', ['dynamodb:GetItem'], ['dynamodb:GetItem', 's3:GetObject'], '"*"')).reasons).toContain('iam.new-access');
  });

  it('follows approval.exemptAccessLevels: an empty list sends all new access to a reviewer', async () => {
    const strict: EngineConfig = { ...DEFAULT_CONFIG, approval: { ...DEFAULT_CONFIG.approval, exemptAccessLevels: [] } };
    expect((await verdict('orange', ['dynamodb:GetItem'], ['dynamodb:GetItem', 'dynamodb:Query'], undefined, strict)).reasons).toContain('iam.new-access');
  });

  it('follows approval.services: new access to a listed service always needs approval', async () => {
    const config: EngineConfig = { ...DEFAULT_CONFIG, approval: { ...DEFAULT_CONFIG.approval, services: ['dynamodb'] } };
    expect((await verdict('orange', ['dynamodb:GetItem'], ['dynamodb:GetItem', 'dynamodb:Query'], undefined, config)).reasons).toContain('iam.new-access');
  });

  it('asks nothing for a reordered action list', async () => {
    const v = await verdict('red', ['dynamodb:GetItem', 'dynamodb:Query'], ['dynamodb:Query', 'dynamodb:GetItem']);
    expect(v.newAccess).toEqual([]);
    expect(v.reasons).toEqual([]);
  });
});
