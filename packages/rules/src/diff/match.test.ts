import type { Resource } from '../model';
import { matchKey, matchResources } from './match';

function res(id: string, format: Resource['location']['format'], file: string, extra: Partial<Resource> = {}): Resource {
  return { id, type: 'AWS::S3::Bucket', sourceType: 'x', tags: {}, location: { file, format }, facets: {}, ...extra };
}

describe('matchResources', () => {
  it('matches Terraform resources by module and address, across files of the module', () => {
    const base = [res('aws_s3_bucket.raw', 'terraform', 'infra/s3.tf')];
    const head = [res('aws_s3_bucket.raw', 'terraform', 'infra/storage.tf', { facets: { backup: { versioning: true } } })];
    expect(matchResources(base, head).map((p) => p.change)).toEqual(['modified']);
  });

  it('honours moved blocks', () => {
    const base = [res('aws_s3_bucket.raw', 'terraform', 'infra/s3.tf')];
    const head = [res('aws_s3_bucket.landing', 'terraform', 'infra/s3.tf')];
    expect(matchResources(base, head).map((p) => p.change)).toEqual(['added', 'removed']);
    const moved = matchResources(base, head, [{ dir: 'infra', from: 'aws_s3_bucket.raw', to: 'aws_s3_bucket.landing' }]);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ change: 'unchanged', base: base[0], head: head[0] });
  });

  it('matches CDK resources by construct path even when the logical id changes', () => {
    const base = [res('OrdersTable1A2B', 'cdk', 'cdk.out/S.template.json', { location: { file: 'cdk.out/S.template.json', format: 'cdk', constructPath: 'S/Orders/Resource' } })];
    const head = [res('OrdersTable9Z8Y', 'cdk', 'cdk.out/S.template.json', { location: { file: 'cdk.out/S.template.json', format: 'cdk', constructPath: 'S/Orders/Resource' } })];
    expect(matchResources(base, head).map((p) => p.change)).toEqual(['unchanged']);
    expect(matchKey(head[0])).toBe('cdk:S/Orders/Resource');
  });

  it('reports added, removed and replaced resources', () => {
    const base = [res('A', 'cloudformation', 't.yaml', { name: 'bucket-a' }), res('B', 'cloudformation', 't.yaml')];
    const head = [res('A', 'cloudformation', 't.yaml', { name: 'bucket-a2' }), res('C', 'cloudformation', 't.yaml')];
    const byKey = Object.fromEntries(matchResources(base, head).map((p) => [p.key, p.change]));
    expect(byKey).toEqual({ 'cloudformation:t.yaml:A': 'replaced', 'cloudformation:t.yaml:C': 'added', 'cloudformation:t.yaml:B': 'removed' });
  });

  it('ignores line moves: location is not content', () => {
    const base = [res('A', 'cloudformation', 't.yaml', { location: { file: 't.yaml', format: 'cloudformation', line: 3 } })];
    const head = [res('A', 'cloudformation', 't.yaml', { location: { file: 't.yaml', format: 'cloudformation', line: 30 } })];
    expect(matchResources(base, head)[0].change).toBe('unchanged');
  });
});

describe('matchResources: what counts as a change of content', () => {
  const one = (base: Partial<Resource>, head: Partial<Resource>) => matchResources([res('B', 'cloudformation', 't.yaml', base)], [res('B', 'cloudformation', 't.yaml', head)])[0].change;
  it('the same facts in another key order, or a line moved, are no change', () => {
    expect(one({ tags: { a: '1', b: '2' }, facets: { backup: { versioning: true, pitr: false } } }, { tags: { b: '2', a: '1' }, facets: { backup: { pitr: false, versioning: true } } })).toBe('unchanged');
    expect(one({ location: { file: 't.yaml', format: 'cloudformation', line: 3 } }, { location: { file: 't.yaml', format: 'cloudformation', line: 30 } })).toBe('unchanged');
  });
  it('a list in another order, a value changed, a key added or removed, a type changed: modified', () => {
    const k = (keys: unknown[]) => ({ facets: { kms: { keyUsers: keys } } }) as unknown as Partial<Resource>;
    expect(one(k(['a', 'b']), k(['b', 'a']))).toBe('modified');
    expect(one({ tags: { a: '1' } }, { tags: { a: '2' } })).toBe('modified');
    expect(one({ tags: { a: '1' } }, { tags: { a: '1', b: '1' } })).toBe('modified');
    expect(one({ tags: { a: '1', b: '1' } }, { tags: { a: '1' } })).toBe('modified');
    expect(one({ tags: { a: '1' } }, { tags: { a: 1 as unknown as string } })).toBe('modified');
    expect(one({ facets: { backup: { versioning: true } } }, { facets: { backup: { versioning: { reason: 'x' } as unknown as boolean } } })).toBe('modified');
  });
  it('an undefined property is the same as none (as in JSON)', () => {
    expect(one({ facets: { backup: { versioning: true, pitr: undefined } } }, { facets: { backup: { versioning: true } } })).toBe('unchanged');
  });
});
