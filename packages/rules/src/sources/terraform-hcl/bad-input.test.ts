import { ParseError } from '../../model';
import { evaluateTerraformModule } from './index';
import { MAX_NESTING } from './limits';

const run = (content: string, path = 'main.tf') => evaluateTerraformModule([{ path, content }]);

describe('bad input', () => {
  it('a syntax error is a ParseError with file, line and column', async () => {
    const r = await run('resource "aws_s3_bucket" "b" {\n  bucket = \n}\n');
    expect(r.inputs).toEqual([]);
    expect(r.errors).toHaveLength(1);
    const e = r.errors[0];
    expect(e).toBeInstanceOf(ParseError);
    expect([e.file, e.line, e.column]).toEqual(['main.tf', 2, 12]);
    expect(e.message).toBe('Terraform syntax error: Invalid expression: Expected the start of an expression, but found an invalid expression token.');
  });

  it('an unclosed block names where it starts', async () => {
    const r = await run('\n\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n');
    expect(String(r.errors[0])).toMatch(/^main\.tf:3:\d+: Terraform syntax error: Unclosed configuration block/);
  });

  it('other files of the module are still evaluated', async () => {
    const r = await evaluateTerraformModule([
      { path: 'broken.tf', content: 'resource "x" {' },
      { path: 'ok.tf', content: 'resource "aws_sqs_queue" "q" {}' },
    ]);
    expect(r.errors.map((e) => e.file)).toEqual(['broken.tf']);
    expect(r.inputs.map((i) => i.address)).toEqual(['aws_sqs_queue.q']);
  });

  it('invalid JSON in .tf.json and tfvars.json gives line and column', async () => {
    const r = await evaluateTerraformModule([
      { path: 'main.tf.json', content: '{\n  "resource": {\n    "a": 1,\n  }\n}' },
      { path: 'terraform.tfvars.json', content: '[1]' },
    ]);
    expect(r.errors.map((e) => [e.file, e.line])).toEqual([
      ['main.tf.json', 4],
      ['terraform.tfvars.json', 1],
    ]);
  });

  it.each([
    ['brackets', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['parentheses', '('.repeat(10_000) + '1' + ')'.repeat(10_000)],
    ['function calls', 'f('.repeat(10_000) + ')'.repeat(10_000)],
    ['objects', '{a='.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ['interpolations', '"${'.repeat(10_000) + '1' + '}"'.repeat(10_000)],
    ['unary operators', '!'.repeat(40_000) + 'true'],
    ['conditionals', 'a ? b : '.repeat(40_000) + 'c'],
  ])('a 10,000-level nested expression (%s) is refused, not a crash', async (_, expr) => {
    const r = await run(`locals {\n  x = ${expr}\n}\n`);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toMatch(/^expression too complex to analyse/);
    expect(r.errors[0].line).toBe(2);
    // The parser still works afterwards.
    const ok = await run('resource "aws_sqs_queue" "q" {\n  name = "q"\n}');
    expect(ok.inputs[0].values).toEqual({ name: 'q' });
  });

  it('nesting just under the bound still parses and evaluates', async () => {
    const depth = MAX_NESTING - 10;
    const r = await run(`resource "test_thing" "t" {\n  v = ${'['.repeat(depth)}1${']'.repeat(depth)}\n}\n`);
    expect(r.errors).toEqual([]);
    let v: unknown = r.inputs[0].values.v;
    let levels = 0;
    while (Array.isArray(v)) {
      v = v[0];
      levels++;
    }
    expect([levels, v]).toEqual([depth, 1]);
  });

  it('10,000 nested blocks are refused', async () => {
    const r = await run('a {\n'.repeat(10_000) + '}\n'.repeat(10_000));
    expect(r.errors[0].message).toBe(`expression too complex to analyse: nested more than ${MAX_NESTING} levels deep`);
  });

  it('deeply nested JSON is refused', async () => {
    const r = await run('{"locals": {"x": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}}', 'main.tf.json');
    expect(r.errors[0].message).toBe(`JSON nested more than ${MAX_NESTING} levels deep`);
  });

  it('a template string in JSON too deep for the parser becomes Unknown', async () => {
    const deep = '${' + '['.repeat(2_000) + ']'.repeat(2_000) + '}';
    const r = await run(JSON.stringify({ resource: { aws_sqs_queue: { q: { name: deep } } } }), 'main.tf.json');
    expect(r.errors).toEqual([]);
    expect(r.inputs[0].values.name).toEqual({ kind: 'unknown', reason: expect.stringContaining('nested more than') });
  });

  // Speed is measured by `npm run bench`, not asserted here (shared, noisy machines).
  it('a large file (2,000 resources) is evaluated completely', async () => {
    const src = Array.from({ length: 2_000 }, (_, i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-\${local.env}-${i}"\n  tags = { n = "${i}" }\n}\n`).join('') + 'locals {\n  env = "prod"\n}\n';
    const r = await run(src);
    expect(r.errors).toEqual([]);
    expect(r.inputs).toHaveLength(2_000);
    expect(r.inputs[1999]).toMatchObject({ address: 'aws_s3_bucket.b1999', values: { bucket: 'bucket-prod-1999' }, location: { line: 7997 } });
  }, 60_000);

  it('a file over the size limit is refused without parsing', async () => {
    const r = await run('#'.repeat(10_000_001));
    expect(r.errors[0].message).toMatch(/^file too large/);
  });

  it('empty files and files with only comments give nothing', async () => {
    const r = await evaluateTerraformModule([
      { path: 'a.tf', content: '' },
      { path: 'b.tf', content: '# nothing\n' },
    ]);
    expect(r).toEqual({ inputs: [], errors: [], notes: [] });
  });
});
