import { ANNOTATION_ARN, ANNOTATION_RESOURCE_TYPE, ANNOTATION_TAGS, selectorOf, selects } from './annotations';

const TABLE = 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders';
const BUCKET = 'arn:aws:s3:::orders-raw';

describe('selectorOf', () => {
  it('is undefined for an entity without Pillarguard annotations', () => {
    expect(selectorOf({ 'backstage.io/source-location': 'url:x' })).toBeUndefined();
    expect(selectorOf(undefined)).toBeUndefined();
  });
  it("reads AWS's own annotations (one or several ARNs, a resource type)", () => {
    expect(selectorOf({ [ANNOTATION_ARN]: TABLE, [ANNOTATION_RESOURCE_TYPE]: 'AWS::DynamoDB::Table' })).toEqual({ arns: [TABLE], resourceType: 'AWS::DynamoDB::Table', problems: [] });
    expect(selectorOf({ [ANNOTATION_ARN]: `${TABLE}, ${BUCKET}` })?.arns).toEqual([TABLE, BUCKET]);
  });
  it('reads a tag selector', () => {
    expect(selectorOf({ [ANNOTATION_TAGS]: 'app=orders, env = prod' })).toEqual({ arns: [], tags: [{ key: 'app', value: 'orders' }, { key: 'env', value: 'prod' }], problems: [] });
  });
  it('names the annotation and what is wrong', () => {
    expect(selectorOf({ [ANNOTATION_ARN]: 'orders-table', [ANNOTATION_RESOURCE_TYPE]: 'dynamodb', [ANNOTATION_TAGS]: 'app' })?.problems).toEqual([
      `${ANNOTATION_ARN}: "orders-table" is not an ARN`,
      `${ANNOTATION_RESOURCE_TYPE}: "dynamodb" is not an AWS resource type such as AWS::DynamoDB::Table`,
      `${ANNOTATION_TAGS}: "app" is not key=value`,
    ]);
    expect(selectorOf({ [ANNOTATION_TAGS]: ' , ' })?.problems).toEqual([`${ANNOTATION_TAGS}: no key=value pair`]);
  });
});

describe('selects', () => {
  const table = { arn: TABLE, type: 'AWS::DynamoDB::Table', tags: { app: 'orders', env: 'prod' } };
  const bucket = { arn: BUCKET, type: 'AWS::S3::Bucket', tags: { app: 'orders', env: 'dev' } };
  it('by ARN', () => {
    const s = selectorOf({ [ANNOTATION_ARN]: TABLE })!;
    expect([selects(s, table), selects(s, bucket)]).toEqual([true, false]);
  });
  it('by every tag condition, optionally narrowed to a type', () => {
    const s = selectorOf({ [ANNOTATION_TAGS]: 'app=orders,env=prod' })!;
    expect([selects(s, table), selects(s, bucket)]).toEqual([true, false]);
    const any = selectorOf({ [ANNOTATION_TAGS]: 'app=orders' })!;
    expect([selects(any, table), selects(any, bucket)]).toEqual([true, true]);
    const typed = selectorOf({ [ANNOTATION_TAGS]: 'app=orders', [ANNOTATION_RESOURCE_TYPE]: 'AWS::S3::Bucket' })!;
    expect([selects(typed, table), selects(typed, bucket)]).toEqual([false, true]);
  });
  it('a tag whose value is unknown matches nothing', () => {
    const s = selectorOf({ [ANNOTATION_TAGS]: 'app=orders' })!;
    expect(selects(s, { type: 'AWS::S3::Bucket', tags: { app: { kind: 'unknown', reason: 'x' } } })).toBe(false);
  });
});
