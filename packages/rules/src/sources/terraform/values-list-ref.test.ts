import { isUnknown } from '../../model';
import { toStrItems } from './values';

describe('a list the plan reports as one reference', () => {
  it('holds the reference when it names a single-valued attribute, and says it may hold more', () => {
    const items = toStrItems('${aws_dynamodb_table.orders.arn}', 'values');
    expect(Array.isArray(items)).toBe(true);
    const list = items as unknown[];
    expect(list[0]).toBe('${aws_dynamodb_table.orders.arn}');
    expect(isUnknown(list[1])).toBe(true);
  });

  it('stays unknown for a reference that may itself be a list', () => {
    expect(isUnknown(toStrItems('${var.trail_arns}', 'values'))).toBe(true);
    expect(isUnknown(toStrItems('${aws_subnets.private.ids}', 'values'))).toBe(true);
  });
});
