import { resource } from '../../rules/__testing__/builders';
import { cfn, report, tf, verdicts } from './__testing__/sides';
import { keyDeletion } from './kms-deletion';

/** What one version holds: the key (absent, kept, or with a deletion window) and who names it. */
interface Version {
  key?: 'kept' | 'window';
  /** How the table names its key: the key itself, an alias of it, an unresolvable input, or another key. */
  table?: 'key' | 'alias' | 'unresolved' | 'other';
  trail?: boolean;
}

function cfnStack(v: Version): string {
  const out = ['Parameters:', '  KeyArn: { Type: String }', 'Resources:', '  OtherKey:', '    Type: AWS::KMS::Key', '    Properties: { EnableKeyRotation: true }'];
  if (v.key) {
    out.push('  OrdersKey:', '    Type: AWS::KMS::Key', '    Properties:', '      EnableKeyRotation: true');
    if (v.key === 'window') out.push('      PendingWindowInDays: 7');
    out.push('  OrdersAlias:', '    Type: AWS::KMS::Alias', '    Properties: { AliasName: alias/orders, TargetKeyId: !Ref OrdersKey }');
  }
  const keyId = { key: '!GetAtt OrdersKey.Arn', alias: 'alias/orders', unresolved: '!Ref KeyArn', other: '!GetAtt OtherKey.Arn' };
  if (v.table) {
    out.push('  OrdersTable:', '    Type: AWS::DynamoDB::Table', '    Properties:', '      KeySchema: [{ AttributeName: id, KeyType: HASH }]', '      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]');
    out.push(`      SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: ${keyId[v.table]} }`);
  }
  if (v.trail) out.push('  AuditTrail:', '    Type: AWS::CloudTrail::Trail', '    Properties: { IsLogging: true, S3BucketName: audit, KMSKeyId: !Ref OrdersKey }');
  return out.join('\n') + '\n';
}

function tfModule(v: Version): string {
  const out = ['variable "key_arn" {}', 'resource "aws_kms_key" "other" {\n  enable_key_rotation = true\n}'];
  if (v.key) {
    out.push(`resource "aws_kms_key" "orders" {\n  enable_key_rotation = true\n${v.key === 'window' ? '  deletion_window_in_days = 7\n' : ''}}`);
    out.push('resource "aws_kms_alias" "orders" {\n  name          = "alias/orders"\n  target_key_id = aws_kms_key.orders.key_id\n}');
  }
  const keyId = { key: 'aws_kms_key.orders.arn', alias: '"alias/orders"', unresolved: 'var.key_arn', other: 'aws_kms_key.other.arn' };
  if (v.table) out.push(`resource "aws_dynamodb_table" "orders" {\n  name     = "orders"\n  hash_key = "id"\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = ${keyId[v.table]}\n  }\n}`);
  if (v.trail) out.push('resource "aws_cloudtrail" "audit" {\n  name           = "audit"\n  s3_bucket_name = "audit"\n  kms_key_id     = aws_kms_key.orders.arn\n}');
  return out.join('\n') + '\n';
}

const formats = [
  { name: 'CloudFormation', key: 'OrdersKey', table: 'OrdersTable', trail: 'AuditTrail', build: async (v: Version) => cfn(cfnStack(v)) },
  { name: 'Terraform', key: 'aws_kms_key.orders', table: 'aws_dynamodb_table.orders', trail: 'aws_cloudtrail.audit', build: async (v: Version) => tf(tfModule(v)) },
];

describe.each(formats)('kms.key-deletion ($name)', ({ key, table, trail, build }) => {
  const run = async (base: Version, head: Version) => report(keyDeletion, await build(base), await build(head));

  describe('key removed from the code', () => {
    it('fails while a table in head still names it, naming the table', async () => {
      const [r] = await run({ key: 'kept', table: 'key' }, { table: 'key' });
      expect(r).toMatchObject({ verdict: 'fail', resource: key, related: [table] });
      expect(r.message).toBe(`key ${key} removed from the code, so it will be scheduled for deletion (defined → removed) while still used by ${table} (encryption.keyRef): what it encrypted becomes unreadable once the key is deleted.`);
    });
    it('fails when the table goes too (its backups stay encrypted under the key), and says so', async () => {
      const [r] = await run({ key: 'kept', table: 'key' }, {});
      expect(r).toMatchObject({ verdict: 'fail', resource: key });
      expect(r.message).toContain(`${table} (encryption.keyRef, removed in this change too)`);
    });
    it('fails when the table moved to another key in the same change: what base stored is still under the old key', async () => {
      expect(verdicts(await run({ key: 'kept', table: 'key' }, { table: 'other' }))).toEqual([`fail ${key}`]);
    });
    it('follows aliases and trails', async () => {
      expect(verdicts(await run({ key: 'kept', table: 'alias' }, { table: 'alias' }))).toEqual([`fail ${key}`]);
      const [r] = await run({ key: 'kept', trail: true }, { trail: true });
      expect(r).toMatchObject({ verdict: 'fail', related: [trail] });
      expect(r.message).toContain(`${trail} (trail.kmsKey)`);
    });
    it('fails when only head names the removed key (a table pointed at it in the same change)', async () => {
      const [r] = await run({ key: 'kept', table: 'other' }, { table: 'key' });
      expect(r).toMatchObject({ verdict: 'fail', resource: key, related: [table] });
    });
    it('says nothing when nothing used the key', async () => {
      expect(await run({ key: 'kept', table: 'other' }, { table: 'other' })).toEqual([]);
    });
    it('is unknown when a table names a key that cannot be read (it may be this one)', async () => {
      const [r] = await run({ key: 'kept', table: 'unresolved' }, { table: 'unresolved' });
      expect(r).toMatchObject({ verdict: 'unknown', resource: key, related: [table] });
      expect(r.message).toMatch(new RegExp(`^key ${key.replace(/\./g, '\\.')} removed .*; cannot tell whether it is still used: the key of ${table.replace(/\./g, '\\.')} \\(encryption\\.keyRef: .+\\) cannot be read\\.$`));
    });
  });

  describe('key scheduled for deletion (a deletion window set)', () => {
    it('fails while a table uses it, at the deletion-window property', async () => {
      const [r] = await run({ key: 'kept', table: 'key' }, { key: 'window', table: 'key' });
      expect(r).toMatchObject({ verdict: 'fail', resource: key, path: 'kms.pendingWindowInDays', related: [table] });
      expect(r.message).toContain('scheduled for deletion (deletion window not set → 7 days)');
    });
    it('says nothing when the window was already set, when it is removed, or when nothing uses the key', async () => {
      expect(await run({ key: 'window', table: 'key' }, { key: 'window', table: 'key' })).toEqual([]);
      expect(await run({ key: 'window', table: 'key' }, { key: 'kept', table: 'key' })).toEqual([]);
      expect(await run({ key: 'kept', table: 'other' }, { key: 'window', table: 'other' })).toEqual([]);
    });
    it('is unknown when a table in head names a key that cannot be read', async () => {
      expect(verdicts(await run({ key: 'kept', table: 'unresolved' }, { key: 'window', table: 'unresolved' }))).toEqual([`unknown ${key}`]);
    });
  });

  it('says nothing about a key that stays, or one that is added', async () => {
    expect(await run({ key: 'kept', table: 'key' }, { key: 'kept', table: 'key' })).toEqual([]);
    expect(await run({ table: 'other' }, { key: 'window', table: 'key' })).toEqual([]);
  });
});

describe('kms.key-deletion on AWS Config items', () => {
  const config = { file: 'config.json', format: 'aws-config' as const };
  const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const key = (pending: boolean, keyManager: 'AWS' | 'CUSTOMER' = 'CUSTOMER') =>
    resource(keyArn, 'AWS::KMS::Key', { kms: { keyManager, ...(pending ? { pendingWindowInDays: { kind: 'unknown', reason: 'the key is pending deletion (deletion date 2026-01-01)' } } : {}) } }, { arn: keyArn, location: config });
  const table = resource('arn:aws:dynamodb:eu-west-1:111122223333:table/orders', 'AWS::DynamoDB::Table', { encryption: { atRest: 'cmk', keyRef: keyArn } }, { location: config });
  it('fails when a used key is recorded pending deletion', () => {
    const [r] = report(keyDeletion, [key(false), table], [key(true), table]);
    expect(r).toMatchObject({ verdict: 'fail', related: [table.id] });
    expect(r.message).toContain('deletion window not set → set (the key is pending deletion (deletion date 2026-01-01))');
  });
  it('says nothing about keys AWS manages', () => {
    expect(report(keyDeletion, [key(false, 'AWS'), table], [table])).toEqual([]);
  });
});
