import { scan } from '../engine/scan';

const NOW = '2024-06-01T00:00:00Z';
const plaintext = (findings: Awaited<ReturnType<typeof scan>>['findings']) => findings.filter((f) => f.ruleId === 'secrets.plaintext-password');

describe('secrets.plaintext-password from real sources', () => {
  test('a Terraform password mixing a literal and a reference is unknown, and the literal is not echoed', async () => {
    const tf = 'resource "aws_kms_key" "k" {}\nresource "aws_db_instance" "db" {\n  password = "hunter2-${aws_kms_key.k.arn}"\n}\n';
    const result = await scan([{ path: 'main.tf', content: tf }], { now: NOW });
    const [f] = plaintext(result.findings);
    expect(f.verdict).toBe('unknown');
    expect(JSON.stringify([result.findings, result.evaluations, result.notes])).not.toMatch(/hunter2/);
  });

  test('an IAM user with a literal console password (LoginProfile.Password) fails; users without a login are not checked', async () => {
    const template = [
      'Resources:',
      '  Analyst:',
      '    Type: AWS::IAM::User',
      '    Properties:',
      '      LoginProfile:',
      '        Password: Hunter2-Analyst!',
      '  Service:',
      '    Type: AWS::IAM::User',
      '',
    ].join('\n');
    const result = await scan([{ path: 'users.yaml', content: template }], { now: NOW });
    const evals = result.evaluations.filter((e) => e.ruleId === 'secrets.plaintext-password');
    expect(evals.map((e) => [e.resource.id, e.verdict])).toEqual([['Analyst', 'fail']]);
    expect(evals[0].path).toBe('LoginProfile.Password');
    expect(JSON.stringify(result.findings)).not.toMatch(/Hunter2/);
  });
});
