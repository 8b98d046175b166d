import { outlineBlocks } from './outline';
import { tokenize } from './tokens';
import { evalTf } from './test-helpers';

describe('locations', () => {
  it('block lines and property lines, skipping braces in comments, strings and heredocs', async () => {
    const src = [
      '# resource "aws_s3_bucket" "commented" {',
      '/* resource "aws_s3_bucket" "block_comment" {',
      '} */',
      'resource "aws_dynamodb_table" "orders" {',
      '  name = "orders-{not a block}"',
      '  description = <<EOT',
      'resource "fake" "in_heredoc" {',
      'EOT',
      '  point_in_time_recovery {',
      '    enabled = true // }',
      '  }',
      '  tags = {',
      '    Name = "${upper("x}")}"',
      '  }',
      '}',
      '',
      'resource "aws_security_group" "sg" {',
      '  ingress {',
      '    from_port = 22',
      '  }',
      '  ingress { cidr_blocks = ["0.0.0.0/0"] }',
      '}',
    ].join('\n');
    const r = await evalTf(src);
    expect(r.errors).toEqual([]);
    expect(r.inputs.map((i) => [i.address, i.location.line])).toEqual([
      ['aws_dynamodb_table.orders', 4],
      ['aws_security_group.sg', 17],
    ]);
    expect(r.byAddress.get('aws_dynamodb_table.orders')?.propertyLines).toEqual({
      name: 5,
      description: 6,
      point_in_time_recovery: 9,
      'point_in_time_recovery[0]': 9,
      'point_in_time_recovery.enabled': 10,
      'point_in_time_recovery[0].enabled': 10,
      tags: 12,
    });
    expect(r.byAddress.get('aws_security_group.sg')?.propertyLines).toEqual({
      'ingress[0]': 18,
      'ingress[0].from_port': 19,
      'ingress[1]': 21,
      'ingress[1].cidr_blocks': 21,
    });
    expect(r.values('aws_dynamodb_table.orders').description).toBe('resource "fake" "in_heredoc" {\n');
  });

  it('a dynamic block is located under the name of the blocks it generates', () => {
    const [block] = outlineBlocks(tokenize('resource "a" "b" {\n  dynamic "ingress" {\n    for_each = []\n  }\n}\n').tokens);
    expect(block.props).toMatchObject({ ingress: 2, 'ingress[0]': 2 });
  });

  it('labels may be bare identifiers and lines survive CRLF', () => {
    const blocks = outlineBlocks(tokenize('locals {\r\n  a = 1\r\n}\r\nresource aws_s3_bucket b {\r\n}\r\n').tokens);
    expect(blocks.map((b) => [b.labels, b.line])).toEqual([
      [['locals'], 1],
      [['resource', 'aws_s3_bucket', 'b'], 4],
    ]);
    expect(blocks[0].props).toEqual({ a: 2 });
  });
});
