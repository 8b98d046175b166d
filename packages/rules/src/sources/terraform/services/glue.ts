import type { GlueFacet } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import { literalSecret, paramMap } from '../reader';
import { toStr, toStrMap } from '../values';
import type { TypeMapping } from './types';

function securityConfiguration(r: Parameters<TypeMapping['map']>[0]): GlueFacet['securityConfiguration'] {
  r.mark('glue.securityConfiguration', 'security_configuration');
  const v = r.str(undefined, 'security_configuration');
  return v === undefined || v === '' ? null : v;
}

export const glueJob: TypeMapping = {
  cfnType: 'AWS::Glue::Job',
  nameAttr: 'name',
  map(r) {
    return {
      facets: {
        glue: { securityConfiguration: securityConfiguration(r), defaultArguments: r.map('glue.defaultArguments', 'default_arguments') },
        network: { connections: r.strList('network.connections', 'connections') },
      },
    };
  },
};

export const glueCrawler: TypeMapping = {
  cfnType: 'AWS::Glue::Crawler',
  nameAttr: 'name',
  map: (r) => ({ facets: { glue: { securityConfiguration: securityConfiguration(r) } } }),
};

/** Each mode defaults to DISABLED when its block is absent. */
export const glueSecurityConfiguration: TypeMapping = {
  cfnType: 'AWS::Glue::SecurityConfiguration',
  nameAttr: 'name',
  map(r) {
    const base = 'encryption_configuration';
    return {
      facets: {
        glue: {
          s3EncryptionMode: r.strOr('glue.s3EncryptionMode', `${base}.s3_encryption.s3_encryption_mode`, 'DISABLED'),
          cloudWatchEncryptionMode: r.strOr('glue.cloudWatchEncryptionMode', `${base}.cloudwatch_encryption.cloudwatch_encryption_mode`, 'DISABLED'),
          jobBookmarksEncryptionMode: r.strOr('glue.jobBookmarksEncryptionMode', `${base}.job_bookmarks_encryption.job_bookmarks_encryption_mode`, 'DISABLED'),
        },
      },
    };
  },
};

export const glueCatalogEncryption: TypeMapping = {
  cfnType: 'AWS::Glue::DataCatalogEncryptionSettings',
  map(r) {
    const base = 'data_catalog_encryption_settings';
    return {
      facets: {
        glue: {
          catalogEncryptionMode: r.strOr('glue.catalogEncryptionMode', `${base}.encryption_at_rest.catalog_encryption_mode`, 'DISABLED'),
          connectionPasswordEncryption: r.bool('glue.connectionPasswordEncryption', `${base}.connection_password_encryption.return_connection_password_encrypted`, false),
        },
      },
    };
  },
};

/** aws_glue_connection: a literal `PASSWORD` connection property is a password in the code. */
export const glueConnection: TypeMapping = {
  cfnType: 'AWS::Glue::Connection',
  nameAttr: 'name',
  map(r) {
    const props = r.raw('connection_properties');
    const password = isUnknown(props) ? props : r.raw('connection_properties.PASSWORD');
    r.mark('credentials.plaintextPassword', 'connection_properties.PASSWORD');
    return {
      facets: {
        glue: { connectionType: r.strOr('glue.connectionType', 'connection_type', 'JDBC'), connectionProperties: r.map('glue.connectionProperties', 'connection_properties') },
        credentials: { plaintextPassword: literalSecret(password, 'connection_properties.PASSWORD'), passwordPath: 'connection_properties.PASSWORD' },
      },
    };
  },
};

export const glueCatalogDatabase: TypeMapping = {
  cfnType: 'AWS::Glue::Database',
  nameAttr: 'name',
  map(r) {
    const name = r.str('glue.catalogName', 'name');
    return { facets: { glue: name === undefined ? {} : { catalogName: name } } };
  },
};

/** aws_glue_catalog_table: columns of the storage descriptor, then partition keys (no parameters). */
export const glueCatalogTable: TypeMapping = {
  cfnType: 'AWS::Glue::Table',
  nameAttr: 'name',
  map(r) {
    r.mark('glue.columns', 'storage_descriptor.columns');
    const columns = [
      ...r.blocks('storage_descriptor.columns').map((c, i) => ({
        name: toStr(c.name, `storage_descriptor.columns[${i}].name`) ?? unknown('column without a name'),
        parameters: paramMap(toStrMap(c.parameters, `storage_descriptor.columns[${i}].parameters`)),
      })),
      ...r.blocks('partition_keys').map((c, i) => ({ name: toStr(c.name, `partition_keys[${i}].name`) ?? unknown('partition key without a name'), parameters: {} })),
    ];
    const database = r.str('glue.database', 'database_name');
    const name = r.str('glue.catalogName', 'name');
    return {
      facets: {
        glue: {
          ...(database === undefined ? {} : { database }),
          ...(name === undefined ? {} : { catalogName: name }),
          tableParameters: r.map('glue.tableParameters', 'parameters'),
          columns,
        },
      },
    };
  },
};

/**
 * aws_glue_resource_policy: the Data Catalog's resource-based policy (one per account and
 * region), which can grant other accounts and principals access to databases and tables.
 * CloudFormation and AWS Config have no such resource, hence the Pillarguard type.
 */
export const glueResourcePolicy: TypeMapping = {
  cfnType: 'Pillarguard::Glue::ResourcePolicy',
  map(r, ctx) {
    r.mark('resourcePolicy', 'policy');
    const policy = r.raw('policy');
    return { facets: policy === undefined || policy === null || policy === '' ? {} : { resourcePolicy: ctx.policies.resolve(policy, 'policy') } };
  },
};
