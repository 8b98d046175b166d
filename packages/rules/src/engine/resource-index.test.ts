import { ResourceIndex } from './resource-index';
import type { Resource } from '../model';

function res(id: string, type: string, extra: Partial<Resource> = {}): Resource {
  return { id, type, sourceType: type, tags: {}, location: { file: 'f', format: 'cloudformation' }, facets: {}, ...extra };
}

describe('ResourceIndex', () => {
  const key = res('OrdersKey', 'AWS::KMS::Key', { arn: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab', name: '1234abcd-12ab' });
  const alias = res('OrdersAlias', 'AWS::KMS::Alias', { facets: { kms: { aliasName: 'alias/orders', targetKey: '${OrdersKey.Arn}' } } });
  const tf = res('module.data.aws_kms_key.k[0]', 'AWS::KMS::Key');
  const idx = new ResourceIndex([key, alias, tf]);

  it.each([
    ['OrdersKey'],
    ['${OrdersKey.Arn}'],
    ['${OrdersKey}'],
    ['arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab'],
    ['1234abcd-12ab'],
    ['alias/orders'],
    ['arn:aws:kms:eu-west-1:111122223333:alias/orders'],
  ])('resolves %s to the key', (t) => {
    expect(idx.resolve(t, ['AWS::KMS::Key'])?.id).toBe('OrdersKey');
  });

  it('strips Terraform attributes but keeps indexes', () => {
    expect(idx.resolve('${module.data.aws_kms_key.k[0].arn}')?.id).toBe('module.data.aws_kms_key.k[0]');
  });

  it('finds a resource by the id at the end of its ARN', () => {
    const sg = res('arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0abc', 'AWS::EC2::SecurityGroup', { arn: 'arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0abc', name: 'db' });
    expect(new ResourceIndex([sg]).resolve('sg-0abc', ['AWS::EC2::SecurityGroup'])).toBe(sg);
  });

  it('returns nothing for unknowns, misses and wrong types', () => {
    expect(idx.resolve({ kind: 'unknown', reason: 'x' })).toBeUndefined();
    expect(idx.resolve('nope')).toBeUndefined();
    expect(idx.resolve('OrdersKey', ['AWS::S3::Bucket'])).toBeUndefined();
  });
});
