import type { EncryptionFacet, ParameterMap } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import { field, isObject } from '../json';
import { encryptionFromKey, type ItemReader } from '../reader';
import { firstName, optional, present } from './common';
import type { ItemMapper } from './types';

const C = 'configuration';

function encryption(r: ItemReader): EncryptionFacet {
  const on = r.bool('encryption.atRest', `${C}.encrypted`, false);
  const flagPath = r.mark(undefined, `${C}.encrypted`);
  if (isUnknown(on)) return { atRest: on, path: flagPath };
  if (!on) return { atRest: 'none', path: flagPath };
  const key = r.str('encryption.keyRef', `${C}.kmsKeyId`);
  if (key !== undefined) r.mark('encryption.atRest', `${C}.kmsKeyId`);
  return encryptionFromKey(key, 'aws-managed', key === undefined ? flagPath : r.mark(undefined, `${C}.kmsKeyId`));
}

/**
 * AWS::Redshift::Cluster. Audit logging is `supplementaryConfiguration.LoggingStatus.loggingEnabled`
 * (DescribeLoggingStatus); the parameter group is the first of `clusterParameterGroups`; a managed
 * admin password shows as `masterPasswordSecretArn`.
 */
export const redshiftCluster: ItemMapper = (r) => {
  const pg = firstName(r, 'database.parameterGroup', `${C}.clusterParameterGroups`, 'parameterGroupName');
  return {
    publicAccess: { publiclyAccessible: r.bool('publicAccess.publiclyAccessible', `${C}.publiclyAccessible`, false) },
    network: {
      enhancedVpcRouting: r.bool('network.enhancedVpcRouting', `${C}.enhancedVpcRouting`, false),
      securityGroups: r.strList('network.securityGroups', `${C}.vpcSecurityGroups`, 'vpcSecurityGroupId'),
    },
    encryption: encryption(r),
    backup: { snapshotRetentionDays: r.num('backup.snapshotRetentionDays', `${C}.automatedSnapshotRetentionPeriod`, 1) },
    logging: { auditLogging: r.bool('logging.auditLogging', 'supplementaryConfiguration.LoggingStatus.loggingEnabled', false) },
    database: optional('parameterGroup', pg),
    credentials: {
      plaintextPassword: false,
      managedMasterPassword: present(r, 'credentials.managedMasterPassword', `${C}.masterPasswordSecretArn`),
      iamRoles: r.strList('credentials.iamRoles', `${C}.iamRoles`, 'iamRoleArn'),
    },
  };
};

/** Parameters as `[{parameterName, parameterValue}]` (DescribeClusterParameters), recorded as supplementary `Parameters`. */
export function parameterList(r: ItemReader, facet: string, path: string): ParameterMap {
  const list = r.list(facet, path);
  if (isUnknown(list)) return {};
  const out: ParameterMap = {};
  for (const p of list) {
    if (!isObject(p)) continue;
    const name = field(p, 'parameterName');
    const value = field(p, 'parameterValue');
    if (typeof name !== 'string' || name === '__proto__') continue;
    out[name] = typeof value === 'string' ? value : value === null || value === undefined ? unknown(`${name} has no value in the item`) : String(value);
  }
  return out;
}

/** AWS::Redshift::ClusterParameterGroup. Without the supplementary `Parameters` the values are not known: no parameters are claimed. */
export const redshiftParameterGroup: ItemMapper = (r) => {
  const parameters = parameterList(r, 'database.parameters', 'supplementaryConfiguration.Parameters');
  return { database: { family: r.strOr('database.family', `${C}.parameterGroupFamily`, 'redshift-1.0'), parameters } };
};
