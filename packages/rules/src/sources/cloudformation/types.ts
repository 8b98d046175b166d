import type { SourceLocation, Unknown } from '../../model';

/**
 * A CloudFormation property tree after intrinsic functions are resolved as far as they can be:
 * `!Ref Param` with a default → the default; `!Ref Res` / `!GetAtt Res.Attr` → the string
 * `${Res}` / `${Res.Attr}`; `!Sub` → the string with `${...}` kept for resources; unresolvable
 * values (a parameter without default, `!ImportValue`, a condition we cannot decide) → `Unknown`.
 * `{{resolve:secretsmanager:…}}` dynamic references stay as the literal string (rules recognise
 * them).
 */
export type CfnValue = null | boolean | number | string | Unknown | CfnValue[] | { [key: string]: CfnValue };

/** One CloudFormation resource, input to the CloudFormation mapper. */
export interface CfnResourceInput {
  logicalId: string;
  type: string;
  properties: { [key: string]: CfnValue };
  location: SourceLocation;
  /** Property path (`SSESpecification.KMSMasterKeyId`, `Policies[0].PolicyDocument`) → line. */
  propertyLines?: Record<string, number>;
  /** `DeletionPolicy` etc. are not needed by the rules; metadata only for the CDK path. */
  constructPath?: string;
}
