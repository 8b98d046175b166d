import type { CredentialsFacet, EncryptionFacet, Facets } from '../../../model';
import { isUnknown } from '../../../model';
import { encryptionFromKey, type ItemReader } from '../reader';
import { firstName, lower, lowerList, optional, present } from './common';
import type { ItemMapper } from './types';

const C = 'configuration';

/** `storageEncrypted` false ⇒ none; true ⇒ the `kmsKeyId` (RDS always reports the key ARN, also for `aws/rds`). */
function storageEncryption(r: ItemReader): EncryptionFacet {
  const on = r.bool('encryption.atRest', `${C}.storageEncrypted`, false);
  const flagPath = r.mark(undefined, `${C}.storageEncrypted`);
  if (isUnknown(on)) return { atRest: on, path: flagPath };
  if (!on) return { atRest: 'none', path: flagPath };
  const key = r.str('encryption.keyRef', `${C}.kmsKeyId`);
  if (key !== undefined) r.mark('encryption.atRest', `${C}.kmsKeyId`);
  return encryptionFromKey(key, 'aws-managed', key === undefined ? flagPath : r.mark(undefined, `${C}.kmsKeyId`));
}

/** Config never carries a password: only whether RDS manages it in Secrets Manager (`masterUserSecret`) and IAM auth. */
function credentials(r: ItemReader): CredentialsFacet {
  return {
    plaintextPassword: false,
    managedMasterPassword: present(r, 'credentials.managedMasterPassword', `${C}.masterUserSecret.secretArn`),
    iamAuth: r.bool('credentials.iamAuth', `${C}.iAMDatabaseAuthenticationEnabled`, false),
  };
}

/** Encryption, backup, credentials and log exports: a cluster's, or a standalone instance's own. */
function dataFacets(r: ItemReader): Facets {
  return {
    encryption: storageEncryption(r),
    backup: {
      retentionDays: r.num('backup.retentionDays', `${C}.backupRetentionPeriod`, 1),
      deletionProtection: r.bool('backup.deletionProtection', `${C}.deletionProtection`, false),
    },
    credentials: credentials(r),
    logging: { logExports: lowerList(r.strList('logging.logExports', `${C}.enabledCloudwatchLogsExports`)) },
  };
}

function securityGroups(r: ItemReader) {
  return r.strList('network.securityGroups', `${C}.vpcSecurityGroups`, 'vpcSecurityGroupId');
}

/** AWS::RDS::DBCluster. `publiclyAccessible` exists only for Multi-AZ DB clusters, so it is reported only when recorded. */
export const rdsCluster: ItemMapper = (r) => {
  const pg = r.str('database.parameterGroup', `${C}.dBClusterParameterGroup`);
  return {
    database: { engine: lower(r.str('database.engine', `${C}.engine`)) ?? '', ...optional('engineVersion', r.str('database.engineVersion', `${C}.engineVersion`)), ...optional('parameterGroup', pg) },
    ...dataFacets(r),
    network: { securityGroups: securityGroups(r) },
    ...(r.has(`${C}.publiclyAccessible`) ? { publicAccess: { publiclyAccessible: r.bool('publicAccess.publiclyAccessible', `${C}.publiclyAccessible`, false) } } : {}),
  };
};

/** AWS::RDS::DBInstance: an Aurora member (`dBClusterIdentifier`) leaves encryption, backup and credentials to its cluster. */
export const rdsInstance: ItemMapper = (r) => {
  const cluster = r.str('database.cluster', `${C}.dBClusterIdentifier`);
  const pg = firstName(r, 'database.instanceParameterGroup', `${C}.dBParameterGroups`, 'dBParameterGroupName');
  const base: Facets = {
    database: { engine: lower(r.str('database.engine', `${C}.engine`)) ?? '', ...optional('engineVersion', r.str('database.engineVersion', `${C}.engineVersion`)), ...optional('cluster', cluster), ...optional('instanceParameterGroup', pg) },
    publicAccess: { publiclyAccessible: r.bool('publicAccess.publiclyAccessible', `${C}.publiclyAccessible`, false) },
    network: { securityGroups: securityGroups(r) },
  };
  // An unknown cluster (no configuration) keeps the data facets: they are unknown too, never a silent pass.
  return cluster === undefined || isUnknown(cluster) ? { ...base, ...dataFacets(r) } : base;
};
