import { isUnknown } from '../../model';
import { evalExpr } from './test-helpers';

const reasonOf = (v: unknown) => (isUnknown(v) ? v.reason : `known: ${JSON.stringify(v)}`);

describe('built-in functions', () => {
  it.each([
    ['merge({ a = 1, b = 1 }, { b = 2 }, null)', { a: 1, b: 2 }],
    ['concat(["a"], [], ["b", "c"])', ['a', 'b', 'c']],
    ['lookup({ a = "x" }, "a", "d")', 'x'],
    ['lookup({ a = "x" }, "z", "d")', 'd'],
    ['try(local.m.missing, "fallback")', 'fallback'],
    ['try(local.m.a, "fallback")', 1],
    ['can(local.m.missing)', false],
    ['can(local.m.a)', true],
    ['coalesce("", null, "first")', 'first'],
    ['format("%s-%03d/%v %q %%", "a", 7, true, "q")', 'a-007/true "q" %'],
    ['format("%.2f", 3.14159)', '3.14'],
    ['lower("AbC")', 'abc'],
    ['upper("AbC")', 'ABC'],
    ['tolist(["a", "b"])', ['a', 'b']],
    ['toset(["b", "a", "b"])', ['a', 'b']],
    ['tomap({ a = 1 })', { a: 1 }],
    ['length(["a", "b"])', 2],
    ['length({ a = 1 })', 1],
    ['length("héllo")', 5],
    ['element(["a", "b", "c"], 4)', 'b'],
    ['join(",", ["a", "b"], ["c"])', 'a,b,c'],
    ['split(",", "a,b,,c")', ['a', 'b', '', 'c']],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['replace("abc123", "/[0-9]+/", "#")', 'abc#'],
    ['contains(["a", "b"], "b")', true],
    ['contains(["a", "b"], "z")', false],
    ['keys({ b = 1, a = 2 })', ['a', 'b']],
    ['values({ b = 1, a = 2 })', [2, 1]],
    ['jsondecode("{\\"a\\": [1, true]}")', { a: [1, true] }],
    ['flatten([["a"], [["b"]], "c"])', ['a', 'b', 'c']],
    ['distinct(["a", "b", "a"])', ['a', 'b']],
    ['compact(["a", "", null, "b"])', ['a', 'b']],
    ['range(3)', [0, 1, 2]],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['one([])', null],
    ['tostring(5)', '5'],
    ['tonumber("5")', 5],
    ['tobool("true")', true],
    ['trimspace("  x ")', 'x'],
    ['substr("hello", 1, 3)', 'ell'],
    ['startswith("arn:aws:s3", "arn:")', true],
    ['max(1, 5, 3)', 5],
    ['concat([["a"], ["b"]]...)', ['a', 'b']],
  ])('%s', async (expr, expected) => {
    expect(await evalExpr(expr, 'locals { m = { a = 1 } }')).toEqual(expected);
  });

  it('file() and templatefile() are Unknown: no file access', async () => {
    expect(reasonOf(await evalExpr('file("${path.module}/policy.json")'))).toBe('file("./policy.json") reads a file, which is not available to static analysis');
    expect(reasonOf(await evalExpr('templatefile("p.tpl", { a = 1 })'))).toContain('templatefile("p.tpl")');
  });

  it('an unknown argument makes the call Unknown with the variable named', async () => {
    expect(reasonOf(await evalExpr('lower(var.x)', 'variable "x" {}'))).toBe('var.x has no default');
    expect(reasonOf(await evalExpr('merge(var.x, { a = 1 })', 'variable "x" {}'))).toBe('var.x has no default');
  });

  it('string functions on a reference known after apply are Unknown; format keeps it in place', async () => {
    expect(reasonOf(await evalExpr('upper(aws_s3_bucket.b.id)'))).toBe('upper() depends on aws_s3_bucket.b.id, known only after apply');
    expect(await evalExpr('format("%s/*", aws_s3_bucket.b.arn)')).toBe('${aws_s3_bucket.b.arn}/*');
    expect(await evalExpr('join("", [aws_s3_bucket.b.arn, "/*"])')).toBe('${aws_s3_bucket.b.arn}/*');
  });

  it('try() returns a value that is merely not known yet, as Terraform does', async () => {
    expect(reasonOf(await evalExpr('try(var.x, "d")', 'variable "x" {}'))).toBe('var.x has no default');
  });

  it('functions we do not evaluate are Unknown, naming them', async () => {
    expect(reasonOf(await evalExpr('cidrsubnet("10.0.0.0/16", 8, 1)'))).toBe('function cidrsubnet() is not evaluated');
    expect(reasonOf(await evalExpr('timestamp()'))).toBe('timestamp() is only known when Terraform runs');
  });

  it('a wrong call is Unknown, not an exception', async () => {
    expect(isUnknown(await evalExpr('lookup("notamap", "k")'))).toBe(true);
    expect(isUnknown(await evalExpr('element([], 0)'))).toBe(true);
    expect(isUnknown(await evalExpr('replace("a", "/(/", "b")'))).toBe(true);
  });
});
