import type { NamedPolicy, PolicyDocument } from './policy';
import type { Tri, V } from './value';

/**
 * Facets: normalised, typed views of a resource. Adapters fill them (each from its own format);
 * rules read only these, never raw CloudFormation/Terraform/Config properties. A facet that does
 * not apply to a type is absent; inside a facet, a property the input does not set takes the AWS
 * default (documented per field), and a property the input sets to something we cannot resolve is
 * an `Unknown`.
 *
 * References to other resources (`RefTarget`) are strings: a resource id of the same input (CFN
 * logical id, Terraform address), an ARN, or a name. `ResourceIndex.resolve()` turns them into
 * resources, whichever of the three they are.
 */
export type RefTarget = string;

/** How data at rest is encrypted. */
export type AtRest = 'none' | 'aws-owned' | 'aws-managed' | 'cmk';

export interface EncryptionFacet {
  /**
   * `aws-owned`: the service's own key, invisible in the account (DynamoDB default).
   * `aws-managed`: `alias/aws/<service>` keys, or encryption on without a key id.
   * `cmk`: a customer-managed key given by id, ARN, alias other than `alias/aws/*`, or reference.
   */
  atRest: V<AtRest>;
  /** The key, when one is named (`cmk`, or an explicit `alias/aws/...`). */
  keyRef?: V<RefTarget>;
  /** Property path that holds the setting, for findings (`SSESpecification`). */
  path?: string;
}

export interface PublicAccessFacet {
  /** Redshift cluster/workgroup, RDS instance: `PubliclyAccessible` (AWS default false). */
  publiclyAccessible?: Tri;
  /** S3 bucket public access block; each false when not configured (AWS default for new buckets is on, but IaC that omits it on an existing account setting cannot be verified: adapters report what the input says, `false` when absent). */
  blockPublicAcls?: Tri;
  ignorePublicAcls?: Tri;
  blockPublicPolicy?: Tri;
  restrictPublicBuckets?: Tri;
}

export interface BackupFacet {
  /** DynamoDB point-in-time recovery (default false). */
  pitr?: Tri;
  /** DynamoDB/RDS/Aurora deletion protection (default false). */
  deletionProtection?: Tri;
  /** RDS/Aurora `BackupRetentionPeriod` in days (CFN/API default 1). */
  retentionDays?: V<number>;
  /** Redshift automated snapshot retention in days (default 1; 0 disables). */
  snapshotRetentionDays?: V<number>;
  /** S3 versioning status is Enabled (default false). */
  versioning?: Tri;
}

export interface LoggingFacet {
  /** Redshift audit logging (`LoggingProperties` / `logging {}` / Config `loggingStatus`). */
  auditLogging?: Tri;
  /** RDS/Aurora CloudWatch log exports (`EnableCloudwatchLogsExports`), lower-case. */
  logExports?: V<string[]>;
  /** CloudWatch Logs log group retention in days; `null` = never expire (the default). */
  retentionDays?: V<number | null>;
}

export interface CredentialsFacet {
  /**
   * A literal secret written into the IaC (not a `{{resolve:secretsmanager:…}}` dynamic reference,
   * not a reference to a secret resource, not `ManageMasterUserPassword`). `true` only when the
   * value is a plain string in the source. Absent or a reference ⇒ false.
   */
  plaintextPassword?: Tri;
  /** Property path that holds the literal, for findings (`MasterUserPassword`). */
  passwordPath?: string;
  /** RDS `ManageMasterUserPassword`, Redshift `ManageMasterPassword` (default false). */
  managedMasterPassword?: Tri;
  /** RDS/Aurora `EnableIAMDatabaseAuthentication` (default false). */
  iamAuth?: Tri;
  /** Redshift cluster IAM roles for COPY/UNLOAD (`IamRoles`). */
  iamRoles?: V<RefTarget[]>;
}

/** One security-group ingress permission, from an inline rule or a separate rule resource. */
export interface IngressRule {
  protocol: V<string>; // "tcp", "udp", "-1" (all), or a number as string
  fromPort: V<number>; // -1 when all
  toPort: V<number>;
  /** IPv4/IPv6 CIDRs; security-group or prefix-list sources are not listed (not public). */
  cidrs: V<string>[];
  path?: string;
}

export interface NetworkFacet {
  /** Security group: its ingress rules (inline; separate rule resources are folded in by the linker). */
  ingress?: IngressRule[];
  /** Security groups a resource is attached to. */
  securityGroups?: V<RefTarget[]>;
  /** Redshift `EnhancedVpcRouting` (default false). */
  enhancedVpcRouting?: Tri;
  /** Glue job/crawler: network connections it uses (`Connections.Connections`). */
  connections?: V<RefTarget[]>;
  /** VPC endpoint: service name (`com.amazonaws.eu-west-1.dynamodb`) and type (default Gateway). */
  endpointService?: V<string>;
  endpointType?: V<'Gateway' | 'Interface' | 'GatewayLoadBalancer'>;
  /** The VPC a resource belongs to (endpoints, security groups, subnet groups). */
  vpc?: V<RefTarget>;
}

/**
 * IAM principals (roles, users, groups) and policies. For principals: their own inline policies,
 * managed policies they attach, trust policy, boundary. For policy resources: the document and the
 * principals it is attached to. The linker folds separate attachment resources (Terraform
 * `aws_iam_role_policy_attachment`, `aws_iam_role_policy`, CFN `AWS::IAM::Policy`) into both sides.
 */
export interface IamFacet {
  principalKind?: 'role' | 'user' | 'group';
  /** Inline policies of a principal. */
  inlinePolicies?: NamedPolicy[];
  /** Managed policies attached to a principal: ARNs (`arn:aws:iam::aws:policy/AdministratorAccess`) or references to policy resources. */
  managedPolicies?: V<RefTarget>[];
  /** Group names a user belongs to. */
  groups?: V<RefTarget>[];
  /** Role trust policy (`AssumeRolePolicyDocument`). */
  trustPolicy?: PolicyDocument;
  permissionsBoundary?: V<RefTarget>;
  /** Policy resources: the document. */
  document?: PolicyDocument;
  /** Policy resources (inline `AWS::IAM::Policy`/`RolePolicy`, managed policies): principals it attaches to. */
  attachedTo?: V<RefTarget>[];
  /** `true` for a policy resource that is an inline policy of its principals (CFN `AWS::IAM::Policy`, TF `aws_iam_role_policy`). */
  inline?: boolean;
}

export interface KmsFacet {
  /** `EnableKeyRotation` (default false). */
  rotation?: Tri;
  /** `KeySpec` (default SYMMETRIC_DEFAULT); rotation only applies to symmetric keys. */
  keySpec?: V<string>;
  /** The key policy. */
  policy?: PolicyDocument;
  /** Key is enabled (default true) / pending deletion window in days if set. */
  enabled?: Tri;
  pendingWindowInDays?: V<number>;
  /** For aliases: the key they point at, and the alias name. */
  targetKey?: V<RefTarget>;
  aliasName?: V<string>;
  /** `AWS` for AWS-managed keys known from Config (`keyManager`), `CUSTOMER` otherwise. */
  keyManager?: 'AWS' | 'CUSTOMER';
}

/** Parameters of a parameter group, Glue job default arguments, Glue connection properties. */
export type ParameterMap = Record<string, V<string>>;

export interface DatabaseFacet {
  /** RDS/Aurora engine, lower-case (`aurora-postgresql`, `postgres`, `mysql`, `aurora-mysql`). */
  engine?: V<string>;
  /** Engine version as written (`16.4`, `8.0.39`); engine defaults differ by major version. */
  engineVersion?: V<string>;
  /** DB cluster/instance parameter group and Redshift cluster parameter group. */
  parameterGroup?: V<RefTarget>;
  /** Instance parameter group in addition to the cluster one (Aurora instances). */
  instanceParameterGroup?: V<RefTarget>;
  /** Aurora instance → its cluster. */
  cluster?: V<RefTarget>;
  /** Parameter group resources: engine family (`aurora-postgresql15`, `redshift-1.0`) and values. */
  family?: V<string>;
  parameters?: ParameterMap;
}

export interface GlueFacet {
  /** Job/crawler/dev endpoint security configuration name or reference. */
  securityConfiguration?: V<RefTarget | null>;
  /** Job `DefaultArguments` (`--enable-continuous-cloudwatch-log`, …). */
  defaultArguments?: ParameterMap;
  /** Security configuration: S3 (`SSE-KMS`|`SSE-S3`|`DISABLED`), CloudWatch (`SSE-KMS`|`DISABLED`), bookmarks (`CSE-KMS`|`DISABLED`). */
  s3EncryptionMode?: V<string>;
  cloudWatchEncryptionMode?: V<string>;
  jobBookmarksEncryptionMode?: V<string>;
  /** Data catalog encryption settings: at rest mode (`SSE-KMS`|`DISABLED`) and connection-password encryption. */
  catalogEncryptionMode?: V<string>;
  connectionPasswordEncryption?: Tri;
  /** Connection: type (`JDBC`, `NETWORK`, …) and properties (`JDBC_ENFORCE_SSL`, `PASSWORD`, …). */
  connectionType?: V<string>;
  connectionProperties?: ParameterMap;
  /** Catalog table: database it belongs to, table parameters and columns with their parameters. */
  database?: V<RefTarget>;
  tableParameters?: ParameterMap;
  columns?: Array<{ name: V<string>; parameters: ParameterMap }>;
  /** Database/table name as Glue and Lake Formation know it. */
  catalogName?: V<string>;
}

/** An LF-tag expression: every key must match one of its values. */
export interface LfTagExpression {
  key: V<string>;
  values: V<string>[];
}

/** A Lake Formation grant's target. */
export type LfGrantTarget =
  | { kind: 'catalog' }
  | { kind: 'database'; name: V<string> }
  | { kind: 'table'; database: V<string>; name: V<string>; wildcard: boolean }
  | { kind: 'columns'; database: V<string>; table: V<string>; columns: V<string>[]; excluded: boolean }
  | { kind: 'data-location'; arn: V<string> }
  | { kind: 'data-cells-filter'; database: V<string>; table: V<string>; name: V<string> }
  | { kind: 'lf-tag'; key: V<string>; values: V<string>[] }
  | { kind: 'lf-tag-policy'; resourceType: V<'DATABASE' | 'TABLE'>; expression: LfTagExpression[] }
  | { kind: 'unknown'; reason: string };

export interface LakeFormationFacet {
  /** Permissions grant (`AWS::LakeFormation::Permissions`/`PrincipalPermissions`, TF `aws_lakeformation_permissions`). */
  grant?: {
    principal: V<string>;
    permissions: V<string>[];
    grantable: V<string>[];
    target: LfGrantTarget;
  };
  /** LF-tag definition (`AWS::LakeFormation::Tag`, TF `aws_lakeformation_lf_tag`). */
  tag?: { key: V<string>; values: V<string>[] };
  /** LF-tag assignment to a database/table/columns (`TagAssociation`, TF `aws_lakeformation_resource_lf_tags`). */
  assignment?: { target: LfGrantTarget; tags: LfTagExpression[] };
  /** LF-tags assigned to this Glue database/table, folded in by the linker from assignments. */
  assignedTags?: LfTagExpression[];
  /** Data cells filter: table, row filter (`null` = all rows), column names / excluded columns. */
  dataCellsFilter?: {
    database: V<string>;
    table: V<string>;
    rowFilter: V<string | null>;
    columns: V<string[]> | null;
    excludedColumns: V<string[]> | null;
  };
  /** Data lake settings: admins, and whether new databases/tables default to IAM_ALLOWED_PRINCIPALS (Lake Formation not enforced). */
  settings?: {
    admins: V<string>[];
    iamAllowedPrincipalsDefault: Tri;
  };
}

export interface SecretFacet {
  /** Secrets Manager secret: KMS key (absent ⇒ `aws/secretsmanager`). Encryption itself is in `encryption`. */
  /** Rotation configured (inline on the secret or by a rotation-schedule resource folded in by the linker). */
  rotation?: Tri;
  /** Rotation schedule resources: the secret they rotate. */
  rotates?: V<RefTarget>;
  /** Long-lived IAM access key resource (`AWS::IAM::AccessKey`, TF `aws_iam_access_key`): its user. */
  accessKeyUser?: V<RefTarget>;
}

export interface TrailFacet {
  multiRegion?: Tri;
  logFileValidation?: Tri;
  /** Trail KMS key (`KMSKeyId`); absent ⇒ not encrypted with KMS. */
  kmsKey?: V<RefTarget | null>;
  isLogging?: Tri;
  /** Data-event selectors: the resource type (`AWS::DynamoDB::Table`, `AWS::S3::Object`) and the ARNs / ARN prefixes covered (`arn:aws:s3` alone = all buckets). */
  dataEvents?: Array<{ type: V<string>; values: V<string>[] }>;
}

export interface S3Facet {
  /** Default encryption algorithm (`aws:kms`, `aws:kms:dsse`, `AES256`); S3 encrypts with SSE-S3 when nothing is set. */
  sseAlgorithm?: V<string>;
  /** The bucket's policy (CFN `AWS::S3::BucketPolicy`, TF `aws_s3_bucket_policy`, Config supplementary `BucketPolicy`), folded in by the linker. */
  bucketPolicy?: PolicyDocument;
  /** Bucket policy resources: the bucket they apply to. */
  policyBucket?: V<RefTarget>;
  /** Server access logging target bucket (`LoggingConfiguration`). */
  accessLogging?: Tri;
}

/** DynamoDB-specific views. */
export interface DynamoDbFacet {
  /** Table name as AWS knows it (for ARN matching in policies). */
  tableName?: V<string>;
  /** Table has a stream (`StreamSpecification`). */
  stream?: Tri;
}

/** Everything a resource can carry; each adapter fills what the type has. */
export interface Facets {
  encryption?: EncryptionFacet;
  publicAccess?: PublicAccessFacet;
  backup?: BackupFacet;
  logging?: LoggingFacet;
  credentials?: CredentialsFacet;
  network?: NetworkFacet;
  iam?: IamFacet;
  kms?: KmsFacet;
  database?: DatabaseFacet;
  glue?: GlueFacet;
  lakeformation?: LakeFormationFacet;
  secret?: SecretFacet;
  trail?: TrailFacet;
  s3?: S3Facet;
  dynamodb?: DynamoDbFacet;
  /** Resource-based policy of a secret, a Glue catalog resource policy, etc. (bucket and key policies have their own). */
  resourcePolicy?: PolicyDocument;
}
