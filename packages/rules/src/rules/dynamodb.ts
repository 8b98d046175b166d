import type { Resource, Unknown } from '../model';
import { isUnknown, unknown } from '../model';
import type { AnyRule, CheckResult, Rule, RuleContext } from './types';
import { describeAtRest, fail, pass, requireTrue, unknownResult } from './support';
import { atRestOf, demandOf, keyRelated, underUnknownDemand } from './demand';

/** DynamoDB rules. */

const TABLE_TYPES = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'] as const;

const cmk: Rule = {
  id: 'dynamodb.cmk',
  pillar: 'encryption',
  severity: 'high',
  title: 'Red DynamoDB tables are encrypted with a customer-managed KMS key',
  rationale:
    'DynamoDB encrypts every table, by default with an AWS-owned key that you cannot audit, rotate on your schedule or revoke. The article (pillar 4, encryption as needed) asks red data to be encrypted with customer-managed KMS keys, so access to the key can be controlled and logged.',
  remediation: {
    cloudformation: 'OrdersTable:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    SSESpecification:\n      SSEEnabled: true\n      SSEType: KMS\n      KMSMasterKeyId: !Ref OrdersKey',
    terraform: 'resource "aws_dynamodb_table" "orders" {\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.orders.arn\n  }\n}',
  },
  appliesTo: TABLE_TYPES,
  references: [
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-dynamodb-table-ssespecification.html',
  ],
  check(table, ctx) {
    // Red-only: orange, green and unclassified tables are fine with DynamoDB's own encryption.
    const demand = demandOf(table, ctx);
    if (demand === 'none' || demand === 'baseline') return undefined;
    const result = cmkVerdict(table, ctx);
    return isUnknown(demand) ? underUnknownDemand(result, demand) : result;
  },
};

function cmkVerdict(table: Resource, ctx: RuleContext): CheckResult {
  const path = 'encryption.atRest';
  const atRest = atRestOf(table, ctx, 'aws-owned'); // no SSESpecification ⇒ AWS-owned key
  const related = keyRelated(table, ctx);
  if (isUnknown(atRest)) return unknownResult(`cannot tell which key encrypts the table (${atRest.reason}).`, path, related);
  if (atRest === 'cmk') return pass('red table is encrypted with a customer-managed KMS key.', path, related);
  return fail(`red table is ${describeAtRest(atRest)}; red data needs a customer-managed KMS key.`, path, related);
}

const pitr: Rule = {
  id: 'dynamodb.pitr',
  pillar: 'recovery',
  severity: 'high',
  title: 'DynamoDB tables have point-in-time recovery on',
  rationale:
    'Without point-in-time recovery a bad write, a faulty deployment or a malicious delete cannot be rolled back: DynamoDB keeps no history by default. The article lists PITR with on-demand backups as the DynamoDB backup/recovery control.',
  remediation: {
    cloudformation: 'OrdersTable:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    PointInTimeRecoverySpecification:\n      PointInTimeRecoveryEnabled: true',
    terraform: 'resource "aws_dynamodb_table" "orders" {\n  point_in_time_recovery {\n    enabled = true\n  }\n}',
  },
  appliesTo: TABLE_TYPES,
  references: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html'],
  check(table) {
    return requireTrue(table.facets.backup?.pitr, 'backup.pitr', 'point-in-time recovery is on.', 'point-in-time recovery is off.');
  },
};

const deletionProtection: Rule = {
  id: 'dynamodb.deletion-protection',
  pillar: 'recovery',
  severity: 'medium',
  title: 'DynamoDB tables have deletion protection on',
  rationale:
    'A table without deletion protection can be dropped by one API call or one mistaken IaC change, taking its data with it. Deletion protection makes deletion a deliberate two-step change (backup/recovery row of the article).',
  remediation: {
    cloudformation: 'OrdersTable:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    DeletionProtectionEnabled: true',
    terraform: 'resource "aws_dynamodb_table" "orders" {\n  deletion_protection_enabled = true\n}',
  },
  appliesTo: TABLE_TYPES,
  references: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection'],
  check(table) {
    return requireTrue(table.facets.backup?.deletionProtection, 'backup.deletionProtection', 'deletion protection is on.', 'deletion protection is off.');
  },
};

const vpcEndpoint: Rule = {
  id: 'dynamodb.vpc-endpoint',
  pillar: 'network',
  severity: 'low',
  title: 'VPCs have a gateway VPC endpoint for DynamoDB',
  rationale:
    'Without a gateway endpoint, traffic from the VPC to DynamoDB leaves through a NAT or internet gateway onto public endpoints. The article (pillar 3, network; DynamoDB example) asks for Gateway VPC endpoints so data travels on private paths only, and so endpoint policies can restrict it.',
  remediation: {
    cloudformation:
      'DynamoDbEndpoint:\n  Type: AWS::EC2::VPCEndpoint\n  Properties:\n    VpcId: !Ref Vpc\n    ServiceName: !Sub com.amazonaws.${AWS::Region}.dynamodb\n    VpcEndpointType: Gateway\n    RouteTableIds:\n      - !Ref PrivateRouteTable',
    terraform:
      'resource "aws_vpc_endpoint" "dynamodb" {\n  vpc_id            = aws_vpc.main.id\n  service_name      = "com.amazonaws.${data.aws_region.current.name}.dynamodb"\n  vpc_endpoint_type = "Gateway"\n  route_table_ids   = [aws_route_table.private.id]\n}',
  },
  appliesTo: ['AWS::EC2::VPC'],
  references: ['https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-ddb.html', 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/vpc-endpoints-dynamodb.html'],
  check(vpc, ctx) {
    const unsure: string[] = [];
    const interfaceOnly: string[] = [];
    for (const endpoint of ctx.index.ofType('AWS::EC2::VPCEndpoint')) {
      const match = endpointMatch(endpoint, vpc, ctx);
      if (match === 'gateway') return pass(`DynamoDB gateway endpoint ${endpoint.id} serves this VPC.`, undefined, [endpoint.id]);
      if (match === 'interface') interfaceOnly.push(endpoint.id);
      else if (isUnknown(match)) unsure.push(`${endpoint.id}: ${match.reason}`);
    }
    if (unsure.length) return unknownResult(`no DynamoDB gateway endpoint is known to serve this VPC; cannot tell for ${unsure.join('; ')}.`);
    if (interfaceOnly.length) return fail(`this VPC has only an interface endpoint for DynamoDB (${interfaceOnly.join(', ')}), no gateway endpoint.`, undefined, interfaceOnly);
    return fail('no gateway VPC endpoint for DynamoDB in this VPC.');
  },
};

/** Whether one endpoint is a DynamoDB endpoint of this VPC, and of which kind. */
function endpointMatch(endpoint: Resource, vpc: Resource, ctx: RuleContext): 'gateway' | 'interface' | 'no' | Unknown {
  const net = endpoint.facets.network;
  if (!net || net.vpc === undefined) return 'no';
  const service = net.endpointService;
  if (typeof service === 'string' && !/\.dynamodb$/i.test(service.trim())) return 'no';
  if (isUnknown(net.vpc)) return unknown(`its VPC is unknown (${net.vpc.reason})`);
  if (ctx.index.resolve(net.vpc, ['AWS::EC2::VPC']) !== vpc) return 'no';
  if (service === undefined) return 'no';
  if (isUnknown(service)) return unknown(`its service name is unknown (${service.reason})`);
  const type = net.endpointType ?? 'Gateway'; // CloudFormation and Terraform both default to Gateway
  if (isUnknown(type)) return unknown(`its endpoint type is unknown (${type.reason})`);
  return type === 'Gateway' ? 'gateway' : 'interface';
}

export const rules: AnyRule[] = [cmk, pitr, deletionProtection, vpcEndpoint];
