import { rules } from './secrets';
import { expectCompleteMetadata, res, ruleById, run, U, verdictOf } from './__testing__/builders-meta';

const plaintext = ruleById(rules, 'secrets.plaintext-password');
const rotation = ruleById(rules, 'secrets.rotation');
const cmk = ruleById(rules, 'secrets.cmk');
const accessKeys = ruleById(rules, 'secrets.access-keys');

describe('secrets rules metadata', () => {
  it('is complete', () => {
    expectCompleteMetadata(rules, ['secrets.plaintext-password', 'secrets.rotation', 'secrets.cmk', 'secrets.access-keys']);
  });
});

describe('secrets.plaintext-password', () => {
  it('fails a literal master password, pointing at the property', () => {
    const [r] = run(plaintext, res('Db', 'AWS::RDS::DBCluster', { facets: { credentials: { plaintextPassword: true, passwordPath: 'MasterUserPassword' } } }));
    expect(r.verdict).toBe('fail');
    expect(r.path).toBe('MasterUserPassword');
    expect(r.message).toContain('MasterUserPassword');
  });

  it('fails a Glue connection password and a literal secret string, with the facet path as fallback', () => {
    expect(verdictOf(plaintext, res('C', 'AWS::Glue::Connection', { facets: { credentials: { plaintextPassword: true, passwordPath: 'ConnectionInput.ConnectionProperties.PASSWORD' } } }))).toBe('fail');
    const [r] = run(plaintext, res('S', 'AWS::SecretsManager::Secret', { facets: { credentials: { plaintextPassword: true } } }));
    expect(r.verdict).toBe('fail');
    expect(r.path).toBe('credentials.plaintextPassword');
    expect(r.message).toContain('secret value');
  });

  it('passes managed or referenced passwords', () => {
    expect(verdictOf(plaintext, res('W', 'AWS::Redshift::Cluster', { facets: { credentials: { plaintextPassword: false, managedMasterPassword: true } } }))).toBe('pass');
    expect(verdictOf(plaintext, res('N', 'AWS::RedshiftServerless::Namespace', { facets: { credentials: {} } }))).toBe('pass');
  });

  it('is unknown when the adapter cannot tell', () => {
    expect(verdictOf(plaintext, res('Db', 'AWS::RDS::DBInstance', { facets: { credentials: { plaintextPassword: U('var.password is sensitive') } } }))).toBe('unknown');
  });

  it('does not apply without credentials or to other types', () => {
    expect(verdictOf(plaintext, res('I', 'AWS::RDS::DBInstance', { facets: { database: { cluster: 'c' } } }))).toBe('not-applicable');
    expect(verdictOf(plaintext, res('T', 'AWS::DynamoDB::Table', { facets: { credentials: { plaintextPassword: true } } }))).toBe('not-applicable');
  });
});

describe('secrets.rotation', () => {
  it('passes a secret with rotation (as folded in by the linker)', () => {
    expect(verdictOf(rotation, res('S', 'AWS::SecretsManager::Secret', { facets: { secret: { rotation: true } } }))).toBe('pass');
  });

  it('fails a secret without rotation, absent meaning none', () => {
    expect(verdictOf(rotation, res('S', 'AWS::SecretsManager::Secret'))).toBe('fail');
    expect(run(rotation, res('S', 'AWS::SecretsManager::Secret', { facets: { secret: { rotation: false } } }))[0].path).toBe('secret.rotation');
  });

  it('is unknown when rotation is unknown', () => {
    expect(verdictOf(rotation, res('S', 'AWS::SecretsManager::Secret', { facets: { secret: { rotation: U('known after apply') } } }))).toBe('unknown');
  });

  it('does not apply to rotation schedules', () => {
    expect(verdictOf(rotation, res('R', 'AWS::SecretsManager::RotationSchedule'))).toBe('not-applicable');
  });
});

describe('secrets.cmk', () => {
  const red = { data_classification: 'red' };
  const key = res('SecretsKey', 'AWS::KMS::Key', { facets: { kms: { keyManager: 'CUSTOMER' } } });
  const awsKey = res('arn:aws:kms:eu-west-1:1:key/abc', 'AWS::KMS::Key', { arn: 'arn:aws:kms:eu-west-1:1:key/abc', facets: { kms: { keyManager: 'AWS' } } });

  it('passes a red secret with a customer-managed key followed through the index', () => {
    const s = res('S', 'AWS::SecretsManager::Secret', { tags: red, facets: { encryption: { atRest: 'cmk', keyRef: '${SecretsKey.Arn}' } } });
    expect(verdictOf(cmk, s, [s, key])).toBe('pass');
  });

  it('fails a red secret on the default key, or on a key that turns out AWS-managed', () => {
    const [r] = run(cmk, res('S', 'AWS::SecretsManager::Secret', { tags: red }));
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('AWS-managed');
    const s = res('S', 'AWS::SecretsManager::Secret', { tags: { pii: 'high' }, facets: { encryption: { atRest: 'cmk', keyRef: 'arn:aws:kms:eu-west-1:1:key/abc' } } });
    expect(verdictOf(cmk, s, [s, awsKey])).toBe('fail');
  });

  it('is unknown for an unresolved key setting', () => {
    expect(verdictOf(cmk, res('S', 'AWS::SecretsManager::Secret', { tags: red, facets: { encryption: { atRest: U('var.kms') } } }))).toBe('unknown');
  });

  it('does not apply to secrets that are not red', () => {
    expect(verdictOf(cmk, res('S', 'AWS::SecretsManager::Secret', { tags: { data_classification: 'orange' } }))).toBe('not-applicable');
    expect(verdictOf(cmk, res('S', 'AWS::SecretsManager::Secret'))).toBe('not-applicable');
  });
});

describe('secrets.access-keys', () => {
  it('fails every access key, naming its user', () => {
    const [r] = run(accessKeys, res('Key', 'AWS::IAM::AccessKey', { facets: { secret: { accessKeyUser: '${DeployUser}' } } }));
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('${DeployUser}');
    expect(r.path).toBe('secret.accessKeyUser');
    expect(run(accessKeys, res('Key', 'AWS::IAM::AccessKey', { facets: { secret: { accessKeyUser: U('var.user') } } }))[0].message).toContain('var.user');
  });

  it('does not apply to users', () => {
    expect(verdictOf(accessKeys, res('U', 'AWS::IAM::User'))).toBe('not-applicable');
  });
});
