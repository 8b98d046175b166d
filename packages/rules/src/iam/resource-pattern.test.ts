import { hasReference, isAnyResource, resourcePatternMatches, splitArn } from './resource-pattern';

describe('resourcePatternMatches', () => {
  it.each([
    ['*', 'arn:aws:s3:::bucket', true],
    ['*', '${Bucket.Arn}', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/key', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket', false],
    ['arn:aws:s3:::bucket?', 'arn:aws:s3:::bucket1', true],
    ['arn:aws:s3:::bucket?', 'arn:aws:s3:::bucket12', false],
    ['arn:aws:dynamodb:*:*:table/Orders', 'arn:aws:dynamodb:eu-west-1:111122223333:table/Orders', true],
    ['arn:aws:dynamodb:*:*:table/Orders', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders', false],
    ['arn:aws:s3:::a.b', 'arn:aws:s3:::aXb', false],
    // References: one named resource, matching only itself or a covering wildcard.
    ['${Bucket.Arn}', '${Bucket.Arn}', true],
    ['${Bucket.Arn}', '${Other.Arn}', false],
    ['${Bucket.Arn}', 'arn:aws:s3:::bucket', false],
    ['${Bucket.Arn}/*', '${Bucket.Arn}/data/x', true],
    ['${aws_s3_bucket.raw.arn}/*', '${aws_s3_bucket.raw.arn}/k', true],
    ['arn:aws:s3:::*', '${Bucket.Arn}', false],
    ['arn:aws:iam::${AWS::AccountId}:role/x', 'arn:aws:iam::${AWS::AccountId}:role/x', true],
    ['arn:aws:iam::${AWS::AccountId}:role/x', 'arn:aws:iam::111122223333:role/x', false],
    // Policy variables stand for any text; escapes for literal characters.
    ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/alice/doc', true],
    ['arn:aws:s3:::a${*}b', 'arn:aws:s3:::a*b', true],
    ['arn:aws:s3:::a${*}b', 'arn:aws:s3:::axb', false],
  ])('%s covers %s → %s', (pattern, resource, expected) => {
    expect(resourcePatternMatches(pattern, resource)).toBe(expected);
  });
});

describe('isAnyResource', () => {
  it.each([
    ['*', true],
    ['**', true],
    ['arn:*', true],
    ['arn:aws:*:*:*:*', true],
    ['arn:aws:*:*:*', true],
    ['arn:aws:dynamodb:*:*:*', false],
    ['arn:aws:*:*:*:table/x', false],
    ['${Table.Arn}', false],
    ['arn:aws:s3:::*', false],
  ])('%s → %s', (p, expected) => {
    expect(isAnyResource(p)).toBe(expected);
  });
});

describe('splitArn / hasReference', () => {
  it('splits ARNs and keeps colons in the resource part', () => {
    expect(splitArn('arn:aws:logs:eu-west-1:111122223333:log-group:/x:*')).toEqual({ partition: 'aws', service: 'logs', region: 'eu-west-1', account: '111122223333', resource: 'log-group:/x:*' });
    expect(splitArn('${Role.Arn}')).toBeUndefined();
    expect(splitArn('arn:aws:s3')).toBeUndefined();
  });
  it('tells references from policy variables', () => {
    expect(hasReference('${Bucket.Arn}/*')).toBe(true);
    expect(hasReference('arn:aws:s3:::x/${aws:username}')).toBe(false);
    expect(hasReference('arn:aws:iam::${AWS::AccountId}:root')).toBe(true);
  });
});

describe('splitArn with placeholders', () => {
  it('keeps ${AWS::Partition} and references whole', () => {
    expect(splitArn('arn:${AWS::Partition}:iam::444455556666:root')).toEqual({ partition: '${AWS::Partition}', service: 'iam', region: '', account: '444455556666', resource: 'root' });
    expect(splitArn('arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/x')?.account).toBe('${data.aws_caller_identity.current.account_id}');
  });
});
