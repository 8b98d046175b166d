import { isUnknown } from '../../model';
import { isTerraformFile, parseTerraformModule } from './index';

const MAIN = `variable "pitr" { default = true }
variable "kms_key_arn" {}

resource "aws_kms_key" "orders" {
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "orders" {
  name = "orders"
  point_in_time_recovery {
    enabled = var.pitr
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.orders.arn
  }
  tags = { data_classification = "red" }
}

resource "aws_dynamodb_table" "carts" {
  name = "carts"
  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["dynamodb:GetItem"]
    resources = [aws_dynamodb_table.orders.arn]
  }
}

resource "aws_iam_policy" "read" {
  policy = data.aws_iam_policy_document.read.json
}

resource "aws_iam_policy" "inline_json" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "dynamodb:*", Resource = "*" }]
  })
}

module "network" {
  source = "./network"
}
`;

describe('parseTerraformModule (HCL → mapper → Resources)', () => {
  it('maps evaluated inputs to resources with facets, locations and notes', async () => {
    const r = await parseTerraformModule([{ path: 'infra/main.tf', content: MAIN }], { variables: { pitr: false } });
    expect(r.errors).toEqual([]);
    const byId = new Map(r.resources.map((x) => [x.id, x]));
    expect([...byId.keys()]).toEqual(expect.arrayContaining(['aws_kms_key.orders', 'aws_dynamodb_table.orders', 'aws_dynamodb_table.carts', 'aws_iam_policy.read', 'aws_iam_policy.inline_json']));

    const orders = byId.get('aws_dynamodb_table.orders');
    expect(orders?.type).toBe('AWS::DynamoDB::Table');
    expect(orders?.location).toEqual({ file: 'infra/main.tf', format: 'terraform', line: 8, address: 'aws_dynamodb_table.orders' });
    expect(orders?.facets.backup?.pitr).toBe(false);
    expect(orders?.facets.encryption?.atRest).toBe('cmk');
    expect(orders?.facets.encryption?.keyRef).toBe('${aws_kms_key.orders.arn}');
    expect(orders?.tags).toEqual({ data_classification: 'red' });
    expect(orders?.propertyLines?.['point_in_time_recovery.enabled']).toBe(11);

    const carts = byId.get('aws_dynamodb_table.carts');
    const key = carts?.facets.encryption?.keyRef;
    expect(isUnknown(key) ? key.reason : key).toBe('var.kms_key_arn has no default');

    const read = byId.get('aws_iam_policy.read');
    expect(read?.facets.iam?.document?.statements[0]).toMatchObject({ effect: 'Allow', actions: ['dynamodb:GetItem'], resources: ['${aws_dynamodb_table.orders.arn}'] });
    const inline = byId.get('aws_iam_policy.inline_json');
    expect(inline?.facets.iam?.document?.statements[0]).toMatchObject({ effect: 'Allow', actions: ['dynamodb:*'], resources: ['*'] });

    expect(r.notes).toContainEqual({ file: 'infra/main.tf', line: 46, message: 'module.network (source ./network) not expanded: its outputs are unknown' });
  });

  it('a variable given as true turns point-in-time recovery on', async () => {
    const r = await parseTerraformModule([{ path: 'main.tf', content: MAIN }]);
    expect(r.resources.find((x) => x.id === 'aws_dynamodb_table.orders')?.facets.backup?.pitr).toBe(true);
  });

  it('syntax errors come back as errors, not exceptions', async () => {
    const r = await parseTerraformModule([{ path: 'main.tf', content: 'resource "x" "y" {' }]);
    expect(r.resources).toEqual([]);
    expect(r.errors).toHaveLength(1);
  });

  it('isTerraformFile', () => {
    expect(['a.tf', 'a.tf.json', 'x/terraform.tfvars', 'p.auto.tfvars.json', 'A.TF'].map(isTerraformFile)).toEqual([true, true, true, true, true]);
    expect(['a.json', 'a.tfstate', 'a.tf.bak', 'README.md'].map(isTerraformFile)).toEqual([false, false, false, false]);
  });
});
