import type { GlueFacet, V } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import type { CfnValue } from '../types';
import { isMapValue } from '../values';
import { plaintextSecret } from './common';
import { mapItems, toParamMap, toStr } from './props';
import type { TypeMapper } from './types';

const job: TypeMapper = (p) => {
  const conf = p.str('glue.securityConfiguration', 'SecurityConfiguration');
  return {
    name: p.text('Name'),
    facets: {
      glue: { securityConfiguration: conf ?? null, defaultArguments: p.params('glue.defaultArguments', 'DefaultArguments') },
      network: { connections: p.list('network.connections', 'Connections.Connections') ?? [] },
    },
  };
};

const crawler: TypeMapper = (p) => ({
  name: p.text('Name'),
  facets: { glue: { securityConfiguration: p.str('glue.securityConfiguration', 'CrawlerSecurityConfiguration') ?? null } },
});

/** Each encryption absent ⇒ `DISABLED`. `S3Encryptions` is a list (a single map is accepted too). */
const securityConfiguration: TypeMapper = (p) => {
  const s3 = p.get('EncryptionConfiguration.S3Encryptions');
  const s3Path = isMapValue(s3) ? 'EncryptionConfiguration.S3Encryptions.S3EncryptionMode' : 'EncryptionConfiguration.S3Encryptions[0].S3EncryptionMode';
  const name = p.text('Name');
  return {
    name,
    facets: {
      glue: {
        s3EncryptionMode: p.str('glue.s3EncryptionMode', s3Path) ?? 'DISABLED',
        cloudWatchEncryptionMode: p.str('glue.cloudWatchEncryptionMode', 'EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode') ?? 'DISABLED',
        jobBookmarksEncryptionMode: p.str('glue.jobBookmarksEncryptionMode', 'EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode') ?? 'DISABLED',
      },
    },
  };
};

const catalogEncryption: TypeMapper = (p) => ({
  facets: {
    glue: {
      catalogEncryptionMode: p.str('glue.catalogEncryptionMode', 'DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode') ?? 'DISABLED',
      connectionPasswordEncryption: p.bool('glue.connectionPasswordEncryption', 'DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted', false),
    },
  },
});

const connection: TypeMapper = (p) => {
  p.track('credentials.plaintextPassword', 'ConnectionInput.ConnectionProperties.PASSWORD');
  return {
    name: p.text('ConnectionInput.Name'),
    facets: {
      glue: {
        connectionType: p.str('glue.connectionType', 'ConnectionInput.ConnectionType') ?? unknown('ConnectionType is not set'),
        connectionProperties: p.params('glue.connectionProperties', 'ConnectionInput.ConnectionProperties'),
      },
      credentials: { plaintextPassword: plaintextSecret(p.get('ConnectionInput.ConnectionProperties.PASSWORD')), passwordPath: 'ConnectionInput.ConnectionProperties.PASSWORD' },
    },
  };
};

const database: TypeMapper = (p) => {
  const name = p.str('glue.catalogName', 'DatabaseInput.Name');
  return { name, facets: { glue: name !== undefined ? { catalogName: name } : {} } };
};

/** Columns and partition keys, each with its `Parameters` (column-level classification). */
function columns(v: CfnValue | undefined, path: string): NonNullable<GlueFacet['columns']> {
  if (isUnknown(v)) return [{ name: v, parameters: {} }];
  return mapItems(v).map((c, i) => ({ name: toStr(c.Name, `${path}[${i}].Name`) ?? unknown(`${path}[${i}] has no Name`), parameters: toParamMap(c.Parameters, `${path}[${i}].Parameters`) }));
}

const table: TypeMapper = (p) => {
  const name = p.str('glue.catalogName', 'TableInput.Name');
  const db: V<string> | undefined = p.str('glue.database', 'DatabaseName');
  p.track('glue.columns', 'TableInput.StorageDescriptor.Columns');
  return {
    name,
    facets: {
      glue: {
        ...(db !== undefined ? { database: db } : {}),
        ...(name !== undefined ? { catalogName: name } : {}),
        tableParameters: p.params('glue.tableParameters', 'TableInput.Parameters'),
        columns: [...columns(p.get('TableInput.StorageDescriptor.Columns'), 'TableInput.StorageDescriptor.Columns'), ...columns(p.get('TableInput.PartitionKeys'), 'TableInput.PartitionKeys')],
      },
    },
  };
};

export const GLUE_MAPPERS: Record<string, TypeMapper> = {
  'AWS::Glue::Job': job,
  'AWS::Glue::Crawler': crawler,
  'AWS::Glue::SecurityConfiguration': securityConfiguration,
  'AWS::Glue::DataCatalogEncryptionSettings': catalogEncryption,
  'AWS::Glue::Connection': connection,
  'AWS::Glue::Database': database,
  'AWS::Glue::Table': table,
};
