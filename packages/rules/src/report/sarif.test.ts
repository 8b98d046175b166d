import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import sarifSchema from './__fixtures__/sarif-schema-2.1.0.json';
import { FINDINGS, HOSTILE, RULES, TOOL, emptyScan, hostileScan } from './__fixtures__/hostile-scan';
import { FINGERPRINT_KEY, escapeSarifText, toSarif } from './sarif';

// The official OASIS schema is draft-07: the default Ajv class. `strict: false` because the schema
// itself trips Ajv's strict mode (`anyOf: [{ required: ["index"] }, …]` beside `properties`).
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(sarifSchema);

function expectValid(log: unknown): void {
  const ok = validate(JSON.parse(JSON.stringify(log)));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe('toSarif', () => {
  const log = toSarif(hostileScan(), { tool: TOOL, rules: RULES, informationUri: 'https://example.com/pillarguard' });
  const run = log.runs[0];

  it('validates against the official SARIF 2.1.0 schema', () => {
    expectValid(log);
    expectValid(toSarif(emptyScan(), { tool: TOOL, rules: [] }));
    expectValid(toSarif(emptyScan(), { tool: TOOL, rules: RULES }));
  });

  it('uses a schema that actually rejects broken logs', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(broken)).toBe(false);
  });

  it('describes every rule, sorted, with GitHub’s security severity and the remediation', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(['dynamodb.pitr', 'iac.owner', 'iac.parseable', 'logs.retention', 'rds.not-public', 's3.versioning']);
    const rds = run.tool.driver.rules.find((r) => r.id === 'rds.not-public');
    expect(rds).toMatchObject({
      name: 'RdsNotPublic',
      shortDescription: { text: 'RDS instances are not publicly accessible' },
      defaultConfiguration: { level: 'error' },
      helpUri: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html',
      properties: { pillar: 'network', precision: 'very-high', 'security-severity': '9.5' },
    });
    expect(rds?.properties.tags).toEqual(expect.arrayContaining(['security', 'network', 'rds']));
    expect(rds?.help.markdown).toContain('```yaml\nPubliclyAccessible: false\n```');
    expect(rds?.help.text).toContain('publicly_accessible = false');
    const pitr = run.tool.driver.rules.find((r) => r.id === 'dynamodb.pitr');
    expect(pitr?.help.markdown).toContain('````yaml'); // the snippet holds a ``` run
    expect(run.tool.driver.rules.find((r) => r.id === 'iac.owner')?.properties['security-severity']).toBeUndefined();
  });

  it('points each result at its rule by id and index', () => {
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('reports tool name, version and semantic version', () => {
    expect(run.tool.driver).toMatchObject({ name: 'pillarguard', version: '0.1.0', semanticVersion: '0.1.0', informationUri: 'https://example.com/pillarguard' });
    expect(toSarif(emptyScan(), { tool: { name: 'pg', version: 'dev-build' }, rules: [] }).runs[0].tool.driver.semanticVersion).toBeUndefined();
  });

  it('leaves out resolved findings and keeps report order', () => {
    expect(run.results.map((r) => r.ruleId)).toEqual(['rds.not-public', 'iac.parseable', 'dynamodb.pitr', 'dynamodb.pitr', 's3.versioning', 'logs.retention']);
  });

  it('gives a region only where the line is known, with a relative, encoded URI', () => {
    const [rds, , tf, plan] = run.results;
    expect(rds.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'templates/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.yaml' }, region: { startLine: 12, startColumn: 5 } });
    expect(tf.locations[0].physicalLocation?.artifactLocation.uri).toBe('infra/%7C%20table%20%7C%20break.tf');
    expect(plan.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'plan.json' } });
    expect(plan.locations[0].logicalLocations).toEqual([{ name: 'module.x.aws_dynamodb_table.y["a"]', fullyQualifiedName: 'module.x.aws_dynamodb_table.y["a"]', kind: 'resource', properties: { resourceType: 'AWS::DynamoDB::Table', address: 'module.x.aws_dynamodb_table.y["a"]' } }]);
  });

  it('names the construct path of CDK resources', () => {
    const cdk = run.results.find((r) => r.ruleId === 's3.versioning');
    expect(cdk?.locations[0].logicalLocations?.[0]).toMatchObject({ name: 'OrdersBucket1234', fullyQualifiedName: `Stack/${HOSTILE.mention}/Bucket` });
  });

  it('marks unknown verdicts for review, never as failures', () => {
    const unknown = run.results.find((r) => r.ruleId === 's3.versioning');
    expect(unknown).toMatchObject({ kind: 'review', level: 'none' });
    expect(unknown?.message.text).toMatch(/^Could not be evaluated: /);
    expect(run.results.filter((r) => r.kind === undefined).map((r) => r.level)).toEqual(['error', 'error', 'error', 'error', 'note']);
  });

  it('carries suppressions with their justification', () => {
    const suppressed = run.results.find((r) => r.ruleId === 'logs.retention');
    expect(suppressed?.suppressions).toEqual([{ kind: 'external', state: 'accepted', justification: 'accepted by @security-team, see https://evil.example/[x] (expires 2099-12-31)' }]);
    expect(run.results.filter((r) => r.suppressions).length).toBe(1);
  });

  it('fingerprints results with the stable finding id and marks new ones', () => {
    expect(run.results[0].partialFingerprints).toEqual({ [FINGERPRINT_KEY]: '00000000000000a1' });
    expect(run.results[0].baselineState).toBe('new');
    expect(run.results[2].baselineState).toBeUndefined();
  });

  it('escapes brackets so a resource name cannot become an embedded link', () => {
    expect(run.results[0].message.text).toBe('Instance \\[link\\](http://evil) is publicly accessible; ping @octocat or see www.evil.example and #12');
    expect(escapeSarifText('a\\b [c]\nd')).toBe('a\\\\b \\[c\\] d');
  });

  it('turns parse errors and notes into notifications', () => {
    const n = run.invocations[0].toolExecutionNotifications;
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(n.map((x) => x.level)).toEqual(['error', 'error', 'note', 'note']);
    expect(n[0]).toEqual({ level: 'error', message: { text: 'unexpected `\\]` at <b>here</b>' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'bad.yaml' }, region: { startLine: 4, startColumn: 2 } } }] });
  });

  it('gives input-wide results a logical location only', () => {
    const scopeFinding = { ...FINDINGS[0], id: '0000000000000999', resource: { id: '(input)', type: 'Pillarguard::Input', file: '.', format: 'cloudformation' as const } };
    const out = toSarif(hostileScan([scopeFinding]), { tool: TOOL, rules: RULES });
    expectValid(out);
    expect(out.runs[0].results[0].locations[0].physicalLocation).toBeUndefined();
    expect(out.runs[0].results[0].locations[0].logicalLocations?.[0].name).toBe('(input)');
  });

  it('is deterministic whatever the input order', () => {
    const reversed = hostileScan([...FINDINGS].reverse());
    reversed.errors.reverse();
    reversed.notes.reverse();
    expect(JSON.stringify(toSarif(reversed, { tool: TOOL, rules: [...RULES].reverse(), informationUri: 'https://example.com/pillarguard' }))).toBe(JSON.stringify(log));
  });
});
