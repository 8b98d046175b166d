import type { EncryptionFacet, Facets, Tri } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import { keyEncryption, plaintextSecret } from './common';
import { lower, lowerAll } from './logic';
import type { Props } from './props';
import type { TypeMapper } from './types';

/**
 * RDS/Aurora storage encryption. `StorageEncrypted` defaults to false, but a `KmsKeyId` only
 * makes sense with encryption on, and Aurora Serverless v1 is always encrypted.
 */
function storageEncryption(p: Props): EncryptionFacet {
  p.track('encryption.atRest', 'StorageEncrypted');
  const raw = p.get('StorageEncrypted');
  let encrypted: Tri;
  if (raw === undefined || raw === null) encrypted = p.get('KmsKeyId') !== undefined || p.get('EngineMode') === 'serverless';
  else encrypted = p.bool('encryption.atRest', 'StorageEncrypted', false);
  if (isUnknown(encrypted)) return { atRest: encrypted, path: 'StorageEncrypted' };
  if (!encrypted) return { atRest: 'none', path: 'StorageEncrypted' };
  return keyEncryption(p.str('encryption.keyRef', 'KmsKeyId'), 'aws-managed', 'KmsKeyId');
}

/** Encryption, backup, credentials and log exports: what a cluster (or a standalone instance) owns. */
function storageFacets(p: Props, securityGroupsPath: string): Facets {
  p.track('credentials.plaintextPassword', 'MasterUserPassword');
  const sgs = p.get(securityGroupsPath);
  return {
    encryption: storageEncryption(p),
    backup: {
      retentionDays: p.num('backup.retentionDays', 'BackupRetentionPeriod', 1),
      deletionProtection: p.bool('backup.deletionProtection', 'DeletionProtection', false),
    },
    credentials: {
      plaintextPassword: plaintextSecret(p.get('MasterUserPassword')),
      passwordPath: 'MasterUserPassword',
      managedMasterPassword: p.bool('credentials.managedMasterPassword', 'ManageMasterUserPassword', false),
      iamAuth: p.bool('credentials.iamAuth', 'EnableIAMDatabaseAuthentication', false),
    },
    logging: { logExports: lowerAll(p.list('logging.logExports', 'EnableCloudwatchLogsExports')) ?? [] },
    ...(sgs !== undefined ? { network: { securityGroups: p.list('network.securityGroups', securityGroupsPath) } } : {}),
  };
}

const dbCluster: TypeMapper = (p) => {
  const engine = lower(p.str('database.engine', 'Engine'));
  const engineVersion = p.str('database.engineVersion', 'EngineVersion');
  const parameterGroup = p.str('database.parameterGroup', 'DBClusterParameterGroupName');
  return {
    name: p.text('DBClusterIdentifier'),
    facets: {
      ...storageFacets(p, 'VpcSecurityGroupIds'),
      database: { ...(engine !== undefined ? { engine } : {}), ...(engineVersion !== undefined ? { engineVersion } : {}), ...(parameterGroup !== undefined ? { parameterGroup } : {}) },
      publicAccess: { publiclyAccessible: p.bool('publicAccess.publiclyAccessible', 'PubliclyAccessible', false) },
    },
  };
};

/**
 * An instance in a cluster takes storage, backup and credentials from the cluster; a standalone
 * instance owns them, and its `DBParameterGroupName` is its only parameter group.
 */
const dbInstance: TypeMapper = (p) => {
  const engine = lower(p.str('database.engine', 'Engine'));
  const engineVersion = p.str('database.engineVersion', 'EngineVersion');
  const inCluster = p.get('DBClusterIdentifier') !== undefined;
  const cluster = inCluster ? p.str('database.cluster', 'DBClusterIdentifier') : undefined;
  const instanceGroup = p.str('database.instanceParameterGroup', 'DBParameterGroupName');
  if (!inCluster && instanceGroup !== undefined) p.track('database.parameterGroup', 'DBParameterGroupName');
  return {
    name: p.text('DBInstanceIdentifier'),
    facets: {
      ...(inCluster ? {} : storageFacets(p, 'VPCSecurityGroups')),
      database: {
        ...(engine !== undefined ? { engine } : {}),
        ...(engineVersion !== undefined ? { engineVersion } : {}),
        ...(cluster !== undefined ? { cluster } : {}),
        ...(instanceGroup !== undefined ? { instanceParameterGroup: instanceGroup, ...(inCluster ? {} : { parameterGroup: instanceGroup }) } : {}),
      },
      // Without PubliclyAccessible, RDS makes the instance public when its subnets' VPC (the default
      // VPC without DBSubnetGroupName) has an internet gateway — which the template does not show.
      publicAccess: {
        publiclyAccessible:
          p.get('PubliclyAccessible') === undefined
            ? (p.track('publicAccess.publiclyAccessible', 'PubliclyAccessible'), unknown('PubliclyAccessible is not set: RDS then decides by whether the subnets\' VPC has an internet gateway, which the template does not show'))
            : p.bool('publicAccess.publiclyAccessible', 'PubliclyAccessible', false),
      },
    },
  };
};

function parameterGroup(nameProperty: string): TypeMapper {
  return (p) => ({
    name: p.text(nameProperty),
    facets: {
      database: {
        family: lower(p.str('database.family', 'Family')) ?? { kind: 'unknown', reason: 'Family is not set' },
        parameters: p.params('database.parameters', 'Parameters'),
      },
    },
  });
}

export const RDS_MAPPERS: Record<string, TypeMapper> = {
  'AWS::RDS::DBCluster': dbCluster,
  'AWS::RDS::DBInstance': dbInstance,
  'AWS::RDS::DBClusterParameterGroup': parameterGroup('DBClusterParameterGroupName'),
  'AWS::RDS::DBParameterGroup': parameterGroup('DBParameterGroupName'),
};
