import type { V } from './value';

/**
 * A normalised IAM policy document: one shape for identity policies, trust policies and
 * resource-based policies (bucket, key, secret, Glue catalog), whatever format wrote it.
 *
 * Strings inside may hold references to other resources of the same input written as
 * `${Target.Attr}` (CloudFormation logical id) or `${aws_s3_bucket.raw.arn}` (Terraform address):
 * a reference is a specific, named resource — never a wildcard. A whole value that cannot be
 * resolved is an `Unknown`.
 */
export interface PolicyDocument {
  statements: PolicyStatement[];
  /** The document itself could not be read (e.g. an unresolved `data.aws_iam_policy_document`). */
  unknownReason?: string;
}

export type Effect = 'Allow' | 'Deny';

export interface Principal {
  /** `*` is `{ type: '*', value: '*' }`; `"AWS": "*"` is `{ type: 'AWS', value: '*' }`. */
  type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';
  value: V<string>;
}

/** condition operator → condition key → values (always arrays, keys as written). */
export type Conditions = Record<string, Record<string, V<string>[]>>;

export interface PolicyStatement {
  sid?: string;
  effect: V<Effect>;
  /** Exactly one of actions/notActions is set (an empty list when the statement has neither). */
  actions?: V<string>[];
  notActions?: V<string>[];
  resources?: V<string>[];
  notResources?: V<string>[];
  principals?: Principal[];
  notPrincipals?: Principal[];
  conditions: V<Conditions>;
  /** Property path of this statement inside its resource, for findings (`Policies[0].PolicyDocument.Statement[1]`). */
  path?: string;
}

/** A policy document with a name, as held inline by a principal. */
export interface NamedPolicy {
  name: V<string>;
  document: PolicyDocument;
  /** Property path of the document inside the resource. */
  path?: string;
}
