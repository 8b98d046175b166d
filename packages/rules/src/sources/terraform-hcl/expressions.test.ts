import { isUnknown } from '../../model';
import { evalExpr, evalTf } from './test-helpers';

const reasonOf = (v: unknown) => (isUnknown(v) ? v.reason : `known: ${JSON.stringify(v)}`);

describe('literals and templates', () => {
  it.each([
    ['"plain"', 'plain'],
    ['42', 42],
    ['1.5e3', 1500],
    ['-7', -7],
    ['true', true],
    ['null', null],
    ['"a\\"b\\\\c\\n"', 'a"b\\c\n'],
    ['"\\u00e9t\\u00e9"', 'été'],
    ['"cost $${literal} and %%{x}"', 'cost ${literal} and %{x}'],
    ['"n=${1 + 2}"', 'n=3'],
    ['"%{ if true }yes%{ else }no%{ endif }"', 'yes'],
    ['"%{ for x in ["a", "b"] }${x},%{ endfor }"', 'a,b,'],
  ])('%s', async (expr, expected) => {
    expect(await evalExpr(expr)).toEqual(expected);
  });

  it('a heredoc keeps its lines; <<- strips the indentation', async () => {
    expect(await evalExpr('<<EOT\nline ${1}\n  two\nEOT')).toBe('line 1\n  two\n');
    expect(await evalExpr('<<-EOT\n    a\n      b\n    EOT')).toBe('a\n  b\n');
  });

  it('a lone interpolation is the value itself, not a string', async () => {
    expect(await evalExpr('"${[1, 2]}"')).toEqual([1, 2]);
  });
});

describe('operators', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 / 4', 2.5],
    ['10 % 4', 2],
    ['5 - 8', -3],
    ['1 < 2', true],
    ['2 <= 1', false],
    ['3 > 2', true],
    ['3 >= 4', false],
    ['"a" == "a"', true],
    ['"1" == 1', false],
    ['[1, {a = 2}] == [1, {a = 2}]', true],
    ['"a" != "b"', true],
    ['true && false', false],
    ['false || true', true],
    ['!true', false],
    ['1 == 1 ? "yes" : "no"', 'yes'],
    ['1 == 2 ? "yes" : "no"', 'no'],
  ])('%s', async (expr, expected) => {
    expect(await evalExpr(expr)).toEqual(expected);
  });

  it('a condition that is not known makes the result Unknown, naming the variable', async () => {
    const v = await evalExpr('var.public ? "0.0.0.0/0" : "10.0.0.0/8"', 'variable "public" {}');
    expect(reasonOf(v)).toBe('var.public has no default');
  });

  it('false && unknown is false, true || unknown is true', async () => {
    expect(await evalExpr('false && var.x', 'variable "x" {}')).toBe(false);
    expect(await evalExpr('true || var.x', 'variable "x" {}')).toBe(true);
  });

  it('comparing a reference known only after apply is Unknown', async () => {
    const v = await evalExpr('aws_kms_key.k.arn == "x"');
    expect(reasonOf(v)).toContain('aws_kms_key.k.arn');
  });
});

describe('references', () => {
  it('a whole-value reference is the string ${address.attr}', async () => {
    expect(await evalExpr('aws_kms_key.orders.arn')).toBe('${aws_kms_key.orders.arn}');
    expect(await evalExpr('aws_kms_key.orders')).toBe('${aws_kms_key.orders}');
    expect(await evalExpr('aws_kms_key.k[0].arn')).toBe('${aws_kms_key.k[0].arn}');
    expect(await evalExpr('aws_kms_key.k["a"].arn')).toBe('${aws_kms_key.k["a"].arn}');
    expect(await evalExpr('data.aws_iam_policy_document.p.json')).toBe('${data.aws_iam_policy_document.p.json}');
  });

  it('references inside strings stay in place', async () => {
    expect(await evalExpr('"${aws_s3_bucket.raw.arn}/*"')).toBe('${aws_s3_bucket.raw.arn}/*');
  });

  it('an index computed from a known value extends the reference', async () => {
    expect(await evalExpr('aws_kms_key.k[local.i].arn', 'locals { i = 2 }')).toBe('${aws_kms_key.k[2].arn}');
  });

  it('module outputs are Unknown, naming the module', async () => {
    expect(reasonOf(await evalExpr('module.vpc.vpc_id'))).toBe('module.vpc.vpc_id is an output of module.vpc, which is not expanded');
  });

  it('path.module is the module directory; terraform.workspace is Unknown', async () => {
    expect(await evalExpr('"${path.module}/policy.json"')).toBe('./policy.json');
    expect(reasonOf(await evalExpr('terraform.workspace'))).toContain('terraform.workspace');
  });

  it('a missing attribute of a known object is Unknown with the reason', async () => {
    expect(reasonOf(await evalExpr('local.m.nope', 'locals { m = { a = 1 } }'))).toContain('no attribute "nope"');
  });

  it('splat over a list of objects and over a counted resource', async () => {
    expect(await evalExpr('local.l[*].id', 'locals { l = [{ id = "a" }, { id = "b" }] }')).toEqual(['a', 'b']);
    const r = await evalTf(`
resource "aws_iam_role" "r" {
  count = 2
  name  = "r\${count.index}"
}
resource "aws_redshift_cluster" "c" {
  iam_roles = aws_iam_role.r[*].arn
}`);
    expect(r.values('aws_redshift_cluster.c').iam_roles).toEqual(['${aws_iam_role.r[0].arn}', '${aws_iam_role.r[1].arn}']);
  });
});

describe('for expressions', () => {
  it('over a known list and map, with a condition and grouping', async () => {
    expect(await evalExpr('[for s in ["a", "b", "c"] : upper(s) if s != "b"]')).toEqual(['A', 'C']);
    expect(await evalExpr('{ for k, v in { b = 2, a = 1 } : v => k }')).toEqual({ '1': 'a', '2': 'b' });
    expect(await evalExpr('[for i, v in ["x", "y"] : "${i}:${v}"]')).toEqual(['0:x', '1:y']);
    expect(await evalExpr('{ for s in ["a", "b", "a"] : s => s... }')).toEqual({ a: ['a', 'a'], b: ['b'] });
  });

  it('over an unknown collection is Unknown', async () => {
    const v = await evalExpr('[for s in var.names : upper(s)]', 'variable "names" {}');
    expect(reasonOf(v)).toBe('var.names has no default');
  });
});

describe('jsonencode policies', () => {
  it('gives the JSON text with references inside, keys sorted like Terraform', async () => {
    const v = await evalExpr(`jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "\${aws_s3_bucket.raw.arn}/*"
      }]
    })`);
    expect(typeof v).toBe('string');
    expect(JSON.parse(v as string)).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '${aws_s3_bucket.raw.arn}/*' }] });
    expect(v).toBe('{"Statement":[{"Action":["s3:GetObject"],"Effect":"Allow","Resource":"${aws_s3_bucket.raw.arn}/*"}],"Version":"2012-10-17"}');
  });

  it('keeps the tree with the Unknown in place when part of it is not known', async () => {
    const v = (await evalExpr('jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = var.account } }] })', 'variable "account" {}')) as { Statement: Array<{ Principal: { AWS: unknown } }> };
    expect(reasonOf(v.Statement[0].Principal.AWS)).toBe('var.account has no default');
  });

  it('object keys written as strings, expressions and bare names', async () => {
    expect(await evalExpr('{ "a-b" = 1, (local.k) = 2, c = 3 }', 'locals { k = "dyn" }')).toEqual({ 'a-b': 1, dyn: 2, c: 3 });
  });
});
