import { isUnknown } from '../../model';
import { evaluateTerraformModule } from './index';
import { evalTf } from './test-helpers';

const reasonOf = (v: unknown) => (isUnknown(v) ? v.reason : `known: ${JSON.stringify(v)}`);

const VARS = `
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
variable "f" { default = "default" }
variable "n" { type = number }
variable "flag" { type = bool }
variable "none" {}
resource "test_thing" "t" {
  a = var.a
  b = var.b
  c = var.c
  d = var.d
  e = var.e
  f = var.f
  n = var.n
  flag = var.flag
  none = var.none
}`;

describe('variables', () => {
  it('defaults < terraform.tfvars < terraform.tfvars.json < *.auto.tfvars (by name) < var files < given values', async () => {
    const r = await evalTf(
      VARS,
      [
        { path: 'z.auto.tfvars', content: 'd = "z.auto"\ne = "z.auto"' },
        { path: 'a.auto.tfvars.json', content: '{"c": "a.auto.json", "d": "a.auto.json", "e": "a.auto.json"}' },
        { path: 'terraform.tfvars.json', content: '{"b": "tfvars.json", "c": "tfvars.json"}' },
        { path: 'terraform.tfvars', content: 'a = "tfvars"\nb = "tfvars"' },
      ],
      { varFiles: [{ path: 'prod.tfvars', content: 'e = "user file"\nf = "user file"' }], variables: { f: 'given', n: '3', flag: 'true' } },
    );
    expect(r.errors).toEqual([]);
    expect(r.values('test_thing.t')).toMatchObject({ a: 'tfvars', b: 'tfvars.json', c: 'a.auto.json', d: 'z.auto', e: 'user file', f: 'given', n: 3, flag: true });
    expect(reasonOf(r.values('test_thing.t').none)).toBe('var.none has no default');
  });

  it('a variable without default and without value is Unknown', async () => {
    const r = await evalTf(VARS);
    expect(reasonOf(r.values('test_thing.t').n)).toBe('var.n has no default');
  });

  it('an undeclared variable is Unknown', async () => {
    const r = await evalTf('resource "test_thing" "t" {\n  v = var.ghost\n}');
    expect(reasonOf(r.values('test_thing.t').v)).toBe('var.ghost is not declared');
  });
});

describe('locals', () => {
  it('resolve in any order and across files', async () => {
    const r = await evalTf('locals {\n  full = "${local.prefix}-${local.env}"\n}\nresource "test_thing" "t" {\n  v = local.full\n}', [
      { path: 'locals.tf', content: 'locals {\n  prefix = "acme"\n  env = var.env\n}\nvariable "env" { default = "prod" }' },
    ]);
    expect(r.values('test_thing.t').v).toBe('acme-prod');
  });

  it('a cycle is Unknown, not a hang', async () => {
    const r = await evalTf('locals {\n  a = local.b\n  b = "${local.a}x"\n}\nresource "test_thing" "t" {\n  v = local.a\n}');
    expect(reasonOf(r.values('test_thing.t').v)).toContain('refers to itself');
  });

  it('a local declared twice is an error', async () => {
    const r = await evalTf('locals {\n  a = 1\n}', [{ path: 'b.tf', content: 'locals {\n  a = 2\n}' }]);
    expect(r.errors.map(String)).toEqual(['b.tf:2: duplicate local value "a": already declared in main.tf']);
  });
});

describe('count and for_each', () => {
  it('count → one instance per index with count.index substituted', async () => {
    const r = await evalTf('resource "aws_sqs_queue" "q" {\n  count = 3\n  name = "q-${count.index}"\n}');
    expect(r.inputs.map((i) => [i.address, i.values.name])).toEqual([
      ['aws_sqs_queue.q[0]', 'q-0'],
      ['aws_sqs_queue.q[1]', 'q-1'],
      ['aws_sqs_queue.q[2]', 'q-2'],
    ]);
    expect(r.inputs[0].values.count).toBeUndefined();
  });

  it('count = 0 (a feature flag) gives no instance', async () => {
    const r = await evalTf('variable "enabled" { default = false }\nresource "aws_sqs_queue" "q" {\n  count = var.enabled ? 1 : 0\n}');
    expect(r.inputs).toEqual([]);
  });

  it('for_each over a map: each.key and each.value, keys in lexical order', async () => {
    const r = await evalTf('resource "aws_s3_bucket" "b" {\n  for_each = { raw = "r", curated = "c" }\n  bucket = "${each.key}-${each.value}"\n}');
    expect(r.inputs.map((i) => [i.address, i.values.bucket])).toEqual([
      ['aws_s3_bucket.b["curated"]', 'curated-c'],
      ['aws_s3_bucket.b["raw"]', 'raw-r'],
    ]);
    expect(r.inputs[0].location).toEqual({ file: 'main.tf', format: 'terraform', line: 1, address: 'aws_s3_bucket.b["curated"]' });
  });

  it('for_each over a set of strings (toset of a list with duplicates)', async () => {
    const r = await evalTf('resource "aws_s3_bucket" "b" {\n  for_each = toset(["x", "a", "x"])\n  bucket = each.value\n}');
    expect(r.inputs.map((i) => [i.address, i.values.bucket])).toEqual([
      ['aws_s3_bucket.b["a"]', 'a'],
      ['aws_s3_bucket.b["x"]', 'x'],
    ]);
  });

  it('for_each over a list of objects keyed by a for expression', async () => {
    const r = await evalTf('locals {\n  tables = [{ name = "orders", pitr = true }, { name = "carts", pitr = false }]\n}\nresource "aws_dynamodb_table" "t" {\n  for_each = { for t in local.tables : t.name => t }\n  name = each.key\n  point_in_time_recovery {\n    enabled = each.value.pitr\n  }\n}');
    expect(r.values('aws_dynamodb_table.t["orders"]').point_in_time_recovery).toEqual([{ enabled: true }]);
    expect(r.values('aws_dynamodb_table.t["carts"]').point_in_time_recovery).toEqual([{ enabled: false }]);
  });

  it('unknown count / for_each → one instance without index, plus a note', async () => {
    const r = await evalTf('variable "n" {}\nvariable "names" {}\nresource "aws_sqs_queue" "q" {\n  count = var.n\n  name = "q-${count.index}"\n}\nresource "aws_s3_bucket" "b" {\n  for_each = var.names\n  bucket = each.key\n}');
    expect(r.inputs.map((i) => i.address)).toEqual(['aws_sqs_queue.q', 'aws_s3_bucket.b']);
    expect(reasonOf(r.values('aws_sqs_queue.q').name)).toBe('count.index of aws_sqs_queue.q: var.n has no default');
    expect(reasonOf(r.values('aws_s3_bucket.b').bucket)).toBe('each.key of aws_s3_bucket.b: var.names has no default');
    expect(r.notes).toEqual([
      { file: 'main.tf', line: 3, message: 'aws_sqs_queue.q: count is not statically known (var.n has no default); evaluated as one instance' },
      { file: 'main.tf', line: 7, message: 'aws_s3_bucket.b: for_each is not statically known (var.names has no default); evaluated as one instance' },
    ]);
  });
});

describe('modules and data sources', () => {
  it('a module block is not expanded: a note, and its outputs are Unknown', async () => {
    const r = await evalTf('module "vpc" {\n  source = "./modules/vpc"\n}\n\nresource "aws_security_group" "sg" {\n  vpc_id = module.vpc.vpc_id\n}');
    expect(r.notes).toEqual([{ file: 'main.tf', line: 1, message: 'module.vpc (source ./modules/vpc) not expanded: its outputs are unknown' }]);
    expect(reasonOf(r.values('aws_security_group.sg').vpc_id)).toContain('module.vpc');
  });

  it('data blocks are inputs with mode data', async () => {
    const r = await evalTf('data "aws_iam_policy_document" "p" {\n  statement {\n    actions = ["s3:GetObject"]\n    resources = ["${aws_s3_bucket.b.arn}/*"]\n  }\n}');
    expect(r.inputs).toHaveLength(1);
    expect(r.inputs[0]).toMatchObject({ address: 'data.aws_iam_policy_document.p', mode: 'data', type: 'aws_iam_policy_document' });
    expect(r.inputs[0].values.statement).toEqual([{ actions: ['s3:GetObject'], resources: ['${aws_s3_bucket.b.arn}/*'] }]);
  });

  it('.tf.json files are read too, mixed with .tf', async () => {
    const json = JSON.stringify({
      variable: { env: { default: 'dev' } },
      resource: { aws_s3_bucket: { logs: { bucket: 'logs-${var.env}', tags: { Team: 'data' } } } },
    });
    const result = await evaluateTerraformModule([
      { path: 'main.tf.json', content: json },
      { path: 'other.tf', content: 'resource "aws_sqs_queue" "q" {\n  name = "q-${var.env}"\n}' },
    ]);
    expect(result.errors).toEqual([]);
    const byAddress = Object.fromEntries(result.inputs.map((i) => [i.address, i]));
    expect(byAddress['aws_s3_bucket.logs'].values).toEqual({ bucket: 'logs-dev', tags: { Team: 'data' } });
    expect(byAddress['aws_s3_bucket.logs'].location.line).toBe(1);
    expect(byAddress['aws_sqs_queue.q'].values.name).toBe('q-dev');
  });

  it('a resource declared twice is an error', async () => {
    const r = await evalTf('resource "aws_sqs_queue" "q" {}\nresource "aws_sqs_queue" "q" {}');
    expect(r.errors.map(String)).toEqual(['main.tf:2: duplicate resource "aws_sqs_queue" "q": already declared in main.tf']);
    expect(r.inputs).toHaveLength(1);
  });
});

describe('dynamic blocks', () => {
  const SG = `
variable "ports" { default = [5432, 443] }
resource "aws_security_group" "sg" {
  ingress {
    from_port = 22
    to_port = 22
  }
  dynamic "ingress" {
    for_each = var.ports
    iterator = p
    content {
      from_port   = p.value
      to_port     = p.value
      cidr_blocks = ["10.0.\${p.key}.0/24"]
    }
  }
}`;
  it('expand when for_each is known, after the static blocks', async () => {
    const r = await evalTf(SG);
    expect(r.values('aws_security_group.sg').ingress).toEqual([
      { from_port: 22, to_port: 22 },
      { from_port: 5432, to_port: 5432, cidr_blocks: ['10.0.0.0/24'] },
      { from_port: 443, to_port: 443, cidr_blocks: ['10.0.1.0/24'] },
    ]);
  });

  it('the default iterator is the block name; nested dynamic blocks expand too', async () => {
    const r = await evalTf(`
resource "aws_thing" "t" {
  dynamic "rule" {
    for_each = { a = ["x", "y"] }
    content {
      name = rule.key
      dynamic "item" {
        for_each = rule.value
        content { v = item.value }
      }
    }
  }
}`);
    expect(r.values('aws_thing.t').rule).toEqual([{ name: 'a', item: [{ v: 'x' }, { v: 'y' }] }]);
  });

  it('unknown for_each → the blocks are Unknown (never silently empty)', async () => {
    const r = await evalTf(SG.replace('default = [5432, 443]', ''));
    expect(reasonOf(r.values('aws_security_group.sg').ingress)).toBe('dynamic "ingress" blocks: var.ports has no default');
  });
});
