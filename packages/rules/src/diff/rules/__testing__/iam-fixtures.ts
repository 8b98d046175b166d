import { cfn } from './sides';

/*
 * Templates for the IAM change-rule tests: a role with one inline policy (written as a JSON flow
 * mapping, which YAML reads as it is), a table and a bucket to point at.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Statements as a JSON flow mapping; `!GetAtt` / `!Sub` cannot appear in flow JSON, so references are written as `{"Fn::GetAtt": …}`. */
export const getAtt = (id: string): Json => ({ 'Fn::GetAtt': [id, 'Arn'] });
export const sub = (text: string): Json => ({ 'Fn::Sub': text });

const TABLES = `  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      Tags: [{ Key: data_classification, Value: green }]
  Cards:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: cards
      Tags: [{ Key: data_classification, Value: red }]
`;

/** A template with the tables and `AppRole` holding one inline policy of these statements; `extra` is more resource YAML (indented two spaces). */
export function roleTemplate(statements: Json[], opts: { managed?: string[]; trust?: Json[]; extra?: string; policyYaml?: string } = {}): string {
  const trust = opts.trust ?? [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }];
  const policy = opts.policyYaml ?? `          PolicyDocument: ${JSON.stringify({ Version: '2012-10-17', Statement: statements })}`;
  return `Parameters:
  Env: { Type: String }
Resources:
${TABLES}  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: ${JSON.stringify({ Version: '2012-10-17', Statement: trust })}
${opts.managed ? `      ManagedPolicyArns: ${JSON.stringify(opts.managed)}\n` : ''}      Policies:
        - PolicyName: app
${policy}
${opts.extra ?? ''}`;
}

export const role = (statements: Json[], opts: Parameters<typeof roleTemplate>[1] = {}) => cfn(roleTemplate(statements, opts));

export const allow = (Action: Json, Resource: Json = '*', extra: Record<string, Json> = {}): Json => ({ Effect: 'Allow', Action, Resource, ...extra });
export const deny = (Action: Json, Resource: Json = '*', extra: Record<string, Json> = {}): Json => ({ Effect: 'Deny', Action, Resource, ...extra });

/** A template with one KMS key whose policy has these statements. */
export function keyTemplate(statements: Json[]): string {
  return `Resources:
  OrdersKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      KeyPolicy: ${JSON.stringify({ Version: '2012-10-17', Statement: statements })}
`;
}
