import fc from 'fast-check';
import { ParseError } from '../../model';
import { evaluateTerraformModule } from './index';

const VALID = `variable "env" { default = "prod" }
locals {
  tags   = { env = var.env, team = "data" }
  ports  = [5432, 443]
}
resource "aws_s3_bucket" "raw" {
  for_each = toset(["a", "b"])
  bucket   = "raw-\${each.key}-\${var.env}"
  tags     = merge(local.tags, { Name = each.key })
}
resource "aws_security_group" "db" {
  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "\${aws_s3_bucket.raw["a"].arn}/*" }]
  })
}
module "vpc" {
  source = "./vpc"
}
`;

/** The contract: a result with inputs and/or ParseErrors, never an exception, never an internal error. */
async function expectWellFormed(files: Array<{ path: string; content: string }>) {
  const r = await evaluateTerraformModule(files);
  for (const e of r.errors) {
    expect(e).toBeInstanceOf(ParseError);
    expect(e.message).not.toMatch(/^internal error/);
  }
  for (const i of r.inputs) {
    expect(typeof i.address).toBe('string');
    expect(i.values).toBeInstanceOf(Object);
    JSON.stringify(i.values); // serialisable: no cycles, no functions
  }
}

const mutation = fc.record({
  at: fc.nat({ max: VALID.length }),
  remove: fc.nat({ max: 20 }),
  insert: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('{', '}', '"', '${', '%{', '<<EOT\n', '#', '/*', '[', '(', '\\', '\n', '= =', '...')),
});

describe('property tests', () => {
  it('the valid module itself gives its resources', async () => {
    const r = await evaluateTerraformModule([{ path: 'main.tf', content: VALID }]);
    expect(r.errors).toEqual([]);
    expect(r.inputs.map((i) => i.address)).toEqual(['aws_s3_bucket.raw["a"]', 'aws_s3_bucket.raw["b"]', 'aws_security_group.db', 'aws_iam_policy.p']);
  });

  it('arbitrary strings as .tf never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (content) => expectWellFormed([{ path: 'main.tf', content }])),
      { numRuns: 150 },
    );
  }, 60_000);

  it('mutations of a valid module never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        let content = VALID;
        for (const m of mutations) {
          const at = Math.min(m.at, content.length);
          content = content.slice(0, at) + m.insert + content.slice(at + m.remove);
        }
        await expectWellFormed([{ path: 'main.tf', content }]);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('arbitrary JSON values as .tf.json and tfvars never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), fc.jsonValue({ maxDepth: 3 }), async (tf, vars) =>
        expectWellFormed([
          { path: 'main.tf.json', content: JSON.stringify({ resource: { aws_s3_bucket: { b: tf } }, locals: tf }) },
          { path: 'terraform.tfvars.json', content: JSON.stringify(vars) },
          { path: 'main.tf', content: 'variable "x" {}\nresource "test" "t" {\n  v = var.x\n}' },
        ]),
      ),
      { numRuns: 100 },
    );
  }, 60_000);

  it('arbitrary expressions inside a template string never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (expr) =>
        expectWellFormed([{ path: 'main.tf.json', content: JSON.stringify({ resource: { aws_s3_bucket: { b: { v: `\${${expr}}`, w: `%{${expr}}` } } } }) }]),
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
