import { isUnknown, type V } from '../../../model';
import { encryptionFromKey, parameterBlocks, type TfReader } from '../reader';
import { lower, markSecret } from './redshift';
import type { TypeMapping } from './types';

function storageEncryption(r: TfReader, dflt: boolean) {
  const on = r.bool('encryption.atRest', 'storage_encrypted', dflt);
  if (isUnknown(on)) return { atRest: on, path: 'storage_encrypted' };
  if (!on) return { atRest: 'none' as const, path: 'storage_encrypted' };
  const key = r.str('encryption.keyRef', 'kms_key_id');
  if (key !== undefined) r.mark('encryption.atRest', 'kms_key_id');
  return encryptionFromKey(key, 'aws-managed', key === undefined ? 'storage_encrypted' : 'kms_key_id');
}

/** `engine_version` as written; a plan's `engine_version_actual` is only known after apply. */
function engineVersion(r: TfReader): { engineVersion?: V<string> } {
  const v = r.str('database.engineVersion', 'engine_version');
  return v === undefined ? {} : { engineVersion: v };
}

function engine(r: TfReader) {
  const e = r.str('database.engine', 'engine');
  return typeof e === 'string' ? e.toLowerCase() : e;
}

/** Credentials shared by clusters and standalone instances. */
function credentials(r: TfReader, passwordPath: string) {
  return {
    plaintextPassword: markSecret(r, 'credentials.plaintextPassword', passwordPath),
    passwordPath,
    managedMasterPassword: r.bool('credentials.managedMasterPassword', 'manage_master_user_password', false),
    iamAuth: r.bool('credentials.iamAuth', 'iam_database_authentication_enabled', false),
  };
}

/**
 * aws_rds_cluster. `storage_encrypted` defaults to false except for `engine_mode = "serverless"`
 * (provider docs); backup retention defaults to 1 day. `publicly_accessible` only exists for
 * Multi-AZ DB clusters, so it is reported only when set.
 */
export const rdsCluster: TypeMapping = {
  cfnType: 'AWS::RDS::DBCluster',
  nameAttr: 'cluster_identifier',
  map(r) {
    const serverless = r.raw('engine_mode') === 'serverless';
    const pg = r.str('database.parameterGroup', 'db_cluster_parameter_group_name');
    return {
      facets: {
        database: { engine: engine(r), ...engineVersion(r), ...(pg === undefined ? {} : { parameterGroup: pg }) },
        encryption: storageEncryption(r, serverless),
        backup: {
          retentionDays: r.num('backup.retentionDays', 'backup_retention_period', 1),
          deletionProtection: r.bool('backup.deletionProtection', 'deletion_protection', false),
        },
        credentials: credentials(r, 'master_password'),
        logging: { logExports: lower(r.strList('logging.logExports', 'enabled_cloudwatch_logs_exports')) },
        network: { securityGroups: r.strList('network.securityGroups', 'vpc_security_group_ids') },
        ...(r.has('publicly_accessible') ? { publicAccess: { publiclyAccessible: r.bool('publicAccess.publiclyAccessible', 'publicly_accessible', false) } } : {}),
      },
    };
  },
};

/** aws_db_instance: a standalone instance carries its own encryption, backup, credentials and logs. */
export const dbInstance: TypeMapping = {
  cfnType: 'AWS::RDS::DBInstance',
  nameAttr: 'identifier',
  map(r) {
    const pg = r.str('database.instanceParameterGroup', 'parameter_group_name');
    return {
      facets: {
        database: { engine: engine(r), ...engineVersion(r), ...(pg === undefined ? {} : { instanceParameterGroup: pg }) },
        publicAccess: { publiclyAccessible: r.bool('publicAccess.publiclyAccessible', 'publicly_accessible', false) },
        encryption: storageEncryption(r, false),
        backup: {
          retentionDays: r.num('backup.retentionDays', 'backup_retention_period', 1),
          deletionProtection: r.bool('backup.deletionProtection', 'deletion_protection', false),
        },
        credentials: credentials(r, 'password'),
        logging: { logExports: lower(r.strList('logging.logExports', 'enabled_cloudwatch_logs_exports')) },
        network: { securityGroups: r.strList('network.securityGroups', 'vpc_security_group_ids') },
      },
    };
  },
};

/** aws_rds_cluster_instance: an Aurora instance; encryption, backup and credentials belong to its cluster. */
export const rdsClusterInstance: TypeMapping = {
  cfnType: 'AWS::RDS::DBInstance',
  nameAttr: 'identifier',
  map(r) {
    const pg = r.str('database.instanceParameterGroup', 'db_parameter_group_name');
    const cluster = r.str('database.cluster', 'cluster_identifier');
    return {
      facets: {
        database: { engine: engine(r), ...engineVersion(r), ...(cluster === undefined ? {} : { cluster }), ...(pg === undefined ? {} : { instanceParameterGroup: pg }) },
        publicAccess: { publiclyAccessible: r.bool('publicAccess.publiclyAccessible', 'publicly_accessible', false) },
      },
    };
  },
};

function parameterGroup(cfnType: string): TypeMapping {
  return {
    cfnType,
    nameAttr: 'name',
    map(r) {
      r.mark('database.parameters', 'parameter');
      const family = r.str('database.family', 'family');
      return { facets: { database: { ...(family === undefined ? {} : { family }), parameters: parameterBlocks(r.blocks('parameter'), 'name', 'value', 'parameter') } } };
    },
  };
}

export const rdsClusterParameterGroup = parameterGroup('AWS::RDS::DBClusterParameterGroup');
export const dbParameterGroup = parameterGroup('AWS::RDS::DBParameterGroup');
