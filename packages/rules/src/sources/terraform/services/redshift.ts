import { isUnknown } from '../../../model';
import { encryptionFromKey, literalSecret, parameterBlocks, type TfReader } from '../reader';
import type { TypeMapping } from './types';

/** The `encrypted` flag with its key: false ⇒ none; true without `kms_key_id` ⇒ aws-managed. */
function encryptedWithKey(r: TfReader, flag: string, keyAttr: string, dflt: boolean) {
  const on = r.bool('encryption.atRest', flag, dflt);
  if (isUnknown(on)) return { atRest: on, path: flag };
  if (!on) return { atRest: 'none' as const, path: flag };
  const key = r.str('encryption.keyRef', keyAttr);
  if (key !== undefined) r.mark('encryption.atRest', keyAttr);
  return encryptionFromKey(key, 'aws-managed', key === undefined ? flag : keyAttr);
}

/**
 * aws_redshift_cluster. Defaults follow the AWS provider v5 schema the examples pin
 * (`publicly_accessible` true, `encrypted` false: v6 flipped both to the safe side, so a plan
 * from v6 carries the explicit values anyway). Audit logging comes from the deprecated inline
 * `logging` block here; a separate `aws_redshift_logging` is folded in by the mapper.
 */
export const redshiftCluster: TypeMapping = {
  cfnType: 'AWS::Redshift::Cluster',
  nameAttr: 'cluster_identifier',
  map(r) {
    const passwordPath = 'master_password';
    const params = r.str('database.parameterGroup', 'cluster_parameter_group_name');
    return {
      facets: {
        publicAccess: { publiclyAccessible: r.bool('publicAccess.publiclyAccessible', 'publicly_accessible', true) },
        network: {
          enhancedVpcRouting: r.bool('network.enhancedVpcRouting', 'enhanced_vpc_routing', false),
          securityGroups: r.strList('network.securityGroups', 'vpc_security_group_ids'),
        },
        encryption: encryptedWithKey(r, 'encrypted', 'kms_key_id', false),
        backup: { snapshotRetentionDays: r.num('backup.snapshotRetentionDays', 'automated_snapshot_retention_period', 1) },
        logging: { auditLogging: r.bool('logging.auditLogging', 'logging.enable', false) },
        database: params === undefined ? {} : { parameterGroup: params },
        credentials: {
          plaintextPassword: markSecret(r, 'credentials.plaintextPassword', passwordPath),
          passwordPath,
          managedMasterPassword: r.bool('credentials.managedMasterPassword', 'manage_master_password', false),
          iamRoles: r.strList('credentials.iamRoles', 'iam_roles'),
        },
      },
    };
  },
};

export function markSecret(r: TfReader, facet: string, path: string) {
  r.mark(facet, path);
  return literalSecret(r.raw(path), path);
}

export const redshiftParameterGroup: TypeMapping = {
  cfnType: 'AWS::Redshift::ClusterParameterGroup',
  nameAttr: 'name',
  map(r) {
    r.mark('database.parameters', 'parameter');
    return { facets: { database: { family: r.strOr('database.family', 'family', 'redshift-1.0'), parameters: parameterBlocks(r.blocks('parameter'), 'name', 'value', 'parameter') } } };
  },
};

/** aws_redshiftserverless_workgroup: `config_parameter { parameter_key, parameter_value }` blocks. */
export const redshiftServerlessWorkgroup: TypeMapping = {
  cfnType: 'AWS::RedshiftServerless::Workgroup',
  nameAttr: 'workgroup_name',
  map(r) {
    r.mark('database.parameters', 'config_parameter');
    return {
      facets: {
        publicAccess: { publiclyAccessible: r.bool('publicAccess.publiclyAccessible', 'publicly_accessible', false) },
        network: {
          enhancedVpcRouting: r.bool('network.enhancedVpcRouting', 'enhanced_vpc_routing', false),
          securityGroups: r.strList('network.securityGroups', 'security_group_ids'),
        },
        database: { parameters: parameterBlocks(r.blocks('config_parameter'), 'parameter_key', 'parameter_value', 'config_parameter') },
      },
    };
  },
};

/** aws_redshiftserverless_namespace: no `kms_key_id` ⇒ the AWS-owned key. */
export const redshiftServerlessNamespace: TypeMapping = {
  cfnType: 'AWS::RedshiftServerless::Namespace',
  nameAttr: 'namespace_name',
  map(r) {
    const passwordPath = 'admin_user_password';
    return {
      facets: {
        encryption: encryptionFromKey(r.str('encryption.keyRef', 'kms_key_id'), 'aws-owned', 'kms_key_id'),
        credentials: {
          plaintextPassword: markSecret(r, 'credentials.plaintextPassword', passwordPath),
          passwordPath,
          managedMasterPassword: r.bool('credentials.managedMasterPassword', 'manage_admin_password', false),
        },
        logging: { logExports: lower(r.strList('logging.logExports', 'log_exports')) },
      },
    };
  },
};

export function lower<T>(v: T[] | { kind: 'unknown'; reason: string }): typeof v {
  return isUnknown(v) ? v : v.map((x) => (typeof x === 'string' ? (x.toLowerCase() as T) : x));
}
