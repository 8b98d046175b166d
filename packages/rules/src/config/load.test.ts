import { loadConfig } from './load';

const RULES = ['dynamodb.pitr', 'rds.backup-retention'];

describe('loadConfig', () => {
  it('reads every setting over the defaults', () => {
    const { config, errors } = loadConfig(
      [
        'rules:',
        '  dynamodb.pitr: off',
        '  rds.backup-retention: { severity: high }',
        'classification:',
        '  sensitivity: { secret: red, internal: orange, public: green }',
        'suppressions:',
        '  - rule: dynamodb.pitr',
        '    resource: aws_dynamodb_table.cache*',
        '    reason: rebuilt from S3 every night',
        '    expires: 2027-01-31',
        'unknownAsFail: [identity, encryption]',
        'minBackupRetentionDays: 14',
        'ownerTags: [owner]',
        'lakeFormation: { sensitiveTags: [{ key: pii, values: [high, true] }], compliancePrincipals: [arn:aws:iam::111122223333:role/compliance] }',
        'approval: { severities: [critical], paths: ["infra/prod/**"], services: [kms] }',
      ].join('\n'),
      'pillarguard.yml',
      RULES,
    );
    expect(errors).toEqual([]);
    expect(config.rules).toEqual({ 'dynamodb.pitr': { enabled: false }, 'rds.backup-retention': { severity: 'high' } });
    expect(config.classification).toEqual({ sensitivity: { secret: 'red', internal: 'orange', public: 'green' } });
    expect(config.suppressions).toEqual([{ rule: 'dynamodb.pitr', resource: 'aws_dynamodb_table.cache*', reason: 'rebuilt from S3 every night', expires: '2027-01-31', line: 7 }]);
    expect(config.unknownAsFail).toEqual(['identity', 'encryption']);
    expect(config.minBackupRetentionDays).toBe(14);
    expect(config.lakeFormation.compliancePrincipals).toHaveLength(1);
    expect(config.approval).toEqual({ severities: ['critical'], paths: ['infra/prod/**'], exemptAccessLevels: ['List', 'Read'], services: ['kms'] });
  });

  it('an empty file is the defaults', () => {
    const { config, errors } = loadConfig('', 'p.yml', RULES);
    expect(errors).toEqual([]);
    expect(config.classification.pii.high).toBe('red');
  });

  it.each([
    ['suppressions:\n  - rule: dynamodb.pitr\n    resource: T\n', 2, /reason is required/],
    ['suppressions:\n  - rule: dynamodb.pitr\n    resource: T\n    reason: ok then\n    expires: soon\n', 2, /expires must be a date/],
    ['suppressions:\n  - rule: nope.rule\n    resource: T\n    reason: because\n', 2, /not a rule id/],
    ['rules:\n  dynamodb.pitr: loud\n', 2, /use off, on, a severity/],
    ['rules:\n  dynamo.pitr: off\n', 2, /unknown rule "dynamo.pitr"/],
    ['colour: red\n', 1, /unknown setting "colour"/],
    ['classification:\n  pii: { high: crimson }\n', 2, /"crimson" is not a level/],
    ['rules: [\n', 2, /./],
    ['approval:\n  severities: [urgent]\n', 2, /approval.severities must be a list/],
  ])('rejects %j with a line and a reason', (text, line, message) => {
    const { errors } = loadConfig(text, 'pillarguard.yml', RULES);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].file).toBe('pillarguard.yml');
    expect(errors[0].line).toBe(line);
    expect(errors[0].message).toMatch(message);
  });
});
