import type { EncryptionFacet, LoggingFacet, ParameterMap } from '../../../model';
import { isUnknown } from '../../../model';
import type { CfnValue } from '../types';
import { isMapValue } from '../values';
import { keyEncryption, plaintextSecret } from './common';
import { lowerAll } from './logic';
import { mapItems, Props, toStr } from './props';
import type { TypeMapper } from './types';

/** A list of `{<keyName>, <valueName>}` maps (`Parameters`, `ConfigParameters`) as a parameter map. */
export function pairList(v: CfnValue | undefined, keyName: string, valueName: string, path: string): ParameterMap {
  const out: ParameterMap = {};
  if (isUnknown(v)) return { '*': v };
  mapItems(v).forEach((item, i) => {
    const key = toStr(item[keyName], `${path}[${i}].${keyName}`);
    if (typeof key === 'string') out[key] = toStr(item[valueName], `${path}[${i}].${valueName}`) ?? '';
  });
  return out;
}

/** `Encrypted: false` (the default) ⇒ none; true without `KmsKeyId` ⇒ aws-managed; a key ⇒ cmk. */
function clusterEncryption(p: Props): EncryptionFacet {
  const encrypted = p.bool('encryption.atRest', 'Encrypted', false);
  if (isUnknown(encrypted)) return { atRest: encrypted, path: 'Encrypted' };
  if (!encrypted) return { atRest: 'none', path: 'Encrypted' };
  return keyEncryption(p.str('encryption.keyRef', 'KmsKeyId'), 'aws-managed', 'KmsKeyId');
}

/** Audit logging is on when `LoggingProperties` names a destination (S3 bucket or CloudWatch). */
function auditLogging(p: Props): LoggingFacet['auditLogging'] {
  p.track('logging.auditLogging', 'LoggingProperties');
  const lp = p.get('LoggingProperties');
  if (lp === undefined || lp === null) return false;
  if (isUnknown(lp)) return lp;
  if (!isMapValue(lp)) return false;
  const dest = lp.BucketName ?? lp.LogDestinationType;
  if (isUnknown(dest)) return dest;
  return dest !== undefined && dest !== null && dest !== '';
}

const cluster: TypeMapper = (p) => {
  const sgs = p.get('VpcSecurityGroupIds');
  const parameterGroup = p.str('database.parameterGroup', 'ClusterParameterGroupName');
  const iamRoles = p.list('credentials.iamRoles', 'IamRoles');
  p.track('credentials.plaintextPassword', 'MasterUserPassword');
  return {
    name: p.text('ClusterIdentifier'),
    facets: {
      publicAccess: { publiclyAccessible: p.bool('publicAccess.publiclyAccessible', 'PubliclyAccessible', false) },
      network: {
        enhancedVpcRouting: p.bool('network.enhancedVpcRouting', 'EnhancedVpcRouting', false),
        ...(sgs !== undefined ? { securityGroups: p.list('network.securityGroups', 'VpcSecurityGroupIds') } : {}),
      },
      encryption: clusterEncryption(p),
      backup: { snapshotRetentionDays: p.num('backup.snapshotRetentionDays', 'AutomatedSnapshotRetentionPeriod', 1) },
      logging: { auditLogging: auditLogging(p) },
      ...(parameterGroup !== undefined ? { database: { parameterGroup } } : {}),
      credentials: {
        plaintextPassword: plaintextSecret(p.get('MasterUserPassword')),
        passwordPath: 'MasterUserPassword',
        managedMasterPassword: p.bool('credentials.managedMasterPassword', 'ManageMasterPassword', false),
        iamRoles: iamRoles ?? [],
      },
    },
  };
};

const clusterParameterGroup: TypeMapper = (p) => {
  p.track('database.parameters', 'Parameters');
  return {
    name: p.text('ParameterGroupName'),
    facets: {
      database: {
        family: p.str('database.family', 'ParameterGroupFamily') ?? 'redshift-1.0',
        parameters: pairList(p.get('Parameters'), 'ParameterName', 'ParameterValue', 'Parameters'),
      },
    },
  };
};

const workgroup: TypeMapper = (p) => {
  const sgs = p.get('SecurityGroupIds');
  p.track('database.parameters', 'ConfigParameters');
  return {
    name: p.text('WorkgroupName'),
    facets: {
      publicAccess: { publiclyAccessible: p.bool('publicAccess.publiclyAccessible', 'PubliclyAccessible', false) },
      network: {
        enhancedVpcRouting: p.bool('network.enhancedVpcRouting', 'EnhancedVpcRouting', false),
        ...(sgs !== undefined ? { securityGroups: p.list('network.securityGroups', 'SecurityGroupIds') } : {}),
      },
      database: { parameters: pairList(p.get('ConfigParameters'), 'ParameterKey', 'ParameterValue', 'ConfigParameters') },
    },
  };
};

/** Serverless namespaces are always encrypted: the AWS-owned key unless `KmsKeyId` names one. */
const namespace: TypeMapper = (p) => {
  p.track('credentials.plaintextPassword', 'AdminUserPassword');
  return {
    name: p.text('NamespaceName'),
    facets: {
      encryption: keyEncryption(p.str('encryption.keyRef', 'KmsKeyId'), 'aws-owned', 'KmsKeyId'),
      credentials: {
        plaintextPassword: plaintextSecret(p.get('AdminUserPassword')),
        passwordPath: 'AdminUserPassword',
        managedMasterPassword: p.bool('credentials.managedMasterPassword', 'ManageAdminPassword', false),
      },
      logging: { logExports: lowerAll(p.list('logging.logExports', 'LogExports')) ?? [] },
    },
  };
};

export const REDSHIFT_MAPPERS: Record<string, TypeMapper> = {
  'AWS::Redshift::Cluster': cluster,
  'AWS::Redshift::ClusterParameterGroup': clusterParameterGroup,
  'AWS::RedshiftServerless::Workgroup': workgroup,
  'AWS::RedshiftServerless::Namespace': namespace,
};
