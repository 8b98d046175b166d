import { rules } from './glue';
import { expectCompleteMetadata, res, ruleById, run, U, verdictOf } from './__testing__/builders-meta';

const jobInVpc = ruleById(rules, 'glue.job-in-vpc');
const secConf = ruleById(rules, 'glue.security-configuration');
const catalog = ruleById(rules, 'glue.catalog-encryption');
const ssl = ruleById(rules, 'tls.glue-connection-ssl');
const logging = ruleById(rules, 'glue.continuous-logging');
const columns = ruleById(rules, 'glue.column-classification');

describe('glue rules metadata', () => {
  it('is complete', () => {
    expectCompleteMetadata(rules, ['glue.job-in-vpc', 'glue.security-configuration', 'glue.catalog-encryption', 'tls.glue-connection-ssl', 'glue.continuous-logging', 'glue.column-classification']);
  });
});

describe('glue.job-in-vpc', () => {
  const conn = res('VpcConn', 'AWS::Glue::Connection', { name: 'etl-vpc', facets: { glue: { connectionType: 'NETWORK' } } });

  it('passes a job with a connection, naming it through the index', () => {
    const job = res('Job', 'AWS::Glue::Job', { facets: { network: { connections: ['etl-vpc'] } } });
    const [r] = run(jobInVpc, job, [job, conn]);
    expect(r.verdict).toBe('pass');
    expect(r.message).toContain('VpcConn (etl-vpc) (NETWORK)');
    expect(r.related).toEqual(['VpcConn']);
    expect(r.path).toBe('network.connections');
  });

  it('fails a job without connection whose arguments carry a JDBC URL', () => {
    const job = res('Job', 'AWS::Glue::Job', { facets: { glue: { defaultArguments: { '--source_url': 'jdbc:postgresql://orders.cluster-x.eu-west-1.rds.amazonaws.com:5432/db' } } } });
    const [r] = run(jobInVpc, job);
    expect(r.verdict).toBe('fail');
    expect(r.path).toBe('glue.defaultArguments.--source_url');
    expect(r.message).toContain('jdbc:postgresql');
  });

  it('fails a job that names a Redshift endpoint host', () => {
    const job = res('Job', 'AWS::Glue::Job', { facets: { network: { connections: [] }, glue: { defaultArguments: { '--host': 'wh.abc.eu-west-1.redshift.amazonaws.com' } } } });
    expect(verdictOf(jobInVpc, job)).toBe('fail');
  });

  it('passes, with a note, a job that shows no data store', () => {
    const job = res('Job', 'AWS::Glue::Job', { facets: { glue: { defaultArguments: { '--TempDir': 's3://tmp/' } } } });
    const [r] = run(jobInVpc, job);
    expect(r.verdict).toBe('pass');
    expect(r.message).toContain('S3 / Data Catalog only');
  });

  it('is unknown when the connections or an endpoint-like argument are unknown', () => {
    expect(verdictOf(jobInVpc, res('J', 'AWS::Glue::Job', { facets: { network: { connections: U('var.connections') } } }))).toBe('unknown');
    const job = res('J', 'AWS::Glue::Job', { facets: { glue: { defaultArguments: { '--jdbc_url': U('var.url has no default'), '--TempDir': U('x') } } } });
    const [r] = run(jobInVpc, job);
    expect(r.verdict).toBe('unknown');
    expect(r.message).toContain('var.url has no default');
  });

  it('does not apply to crawlers', () => {
    expect(verdictOf(jobInVpc, res('C', 'AWS::Glue::Crawler'))).toBe('not-applicable');
  });
});

describe('glue.security-configuration', () => {
  const good = res('Sec', 'AWS::Glue::SecurityConfiguration', { name: 'etl-kms', facets: { glue: { s3EncryptionMode: 'SSE-KMS', cloudWatchEncryptionMode: 'SSE-KMS', jobBookmarksEncryptionMode: 'CSE-KMS' } } });
  const weak = res('aws_glue_security_configuration.weak', 'AWS::Glue::SecurityConfiguration', { name: 'weak', facets: { glue: { s3EncryptionMode: 'SSE-S3', cloudWatchEncryptionMode: 'SSE-KMS' } } });
  const job = (ref: unknown) => res('Job', 'AWS::Glue::Job', { facets: { glue: { securityConfiguration: ref as string } } });

  it('passes a job whose configuration (found by name or by reference) uses KMS everywhere', () => {
    expect(verdictOf(secConf, job('etl-kms'), [good])).toBe('pass');
    const [r] = run(secConf, job('${Sec}'), [good]);
    expect(r.verdict).toBe('pass');
    expect(r.related).toEqual(['Sec']);
  });

  it('fails a configuration with SSE-S3 and no bookmark encryption, listing both', () => {
    const [r] = run(secConf, job('${aws_glue_security_configuration.weak.name}'), [weak]);
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('S3 encryption is SSE-S3');
    expect(r.message).toContain('job bookmark encryption is DISABLED');
    expect(r.path).toBe('glue.securityConfiguration');
  });

  it('fails a job with no security configuration', () => {
    expect(verdictOf(secConf, job(null))).toBe('fail');
    expect(verdictOf(secConf, res('Job', 'AWS::Glue::Job'))).toBe('fail');
  });

  it('is unknown for an unresolvable name, an unknown reference, or an unknown mode', () => {
    expect(run(secConf, job('elsewhere'))[0].message).toContain('not defined in the scanned input');
    expect(verdictOf(secConf, job('elsewhere'))).toBe('unknown');
    expect(verdictOf(secConf, job(U('param SecConf')))).toBe('unknown');
    const partly = res('P', 'AWS::Glue::SecurityConfiguration', { name: 'p', facets: { glue: { s3EncryptionMode: U('var.mode'), cloudWatchEncryptionMode: 'SSE-KMS', jobBookmarksEncryptionMode: 'CSE-KMS' } } });
    expect(verdictOf(secConf, job('p'), [partly])).toBe('unknown');
  });

  it('does not require bookmark encryption of crawlers', () => {
    const logsOnly = res('L', 'AWS::Glue::SecurityConfiguration', { name: 'l', facets: { glue: { s3EncryptionMode: 'SSE-KMS', cloudWatchEncryptionMode: 'SSE-KMS' } } });
    const crawler = res('Crawler', 'AWS::Glue::Crawler', { facets: { glue: { securityConfiguration: 'l' } } });
    expect(verdictOf(secConf, crawler, [logsOnly])).toBe('pass');
    expect(verdictOf(secConf, job('l'), [logsOnly])).toBe('fail');
  });

  it('does not apply to connections', () => {
    expect(verdictOf(secConf, res('C', 'AWS::Glue::Connection'))).toBe('not-applicable');
  });
});

describe('glue.catalog-encryption', () => {
  const settings = (glue: object) => res('Cat', 'AWS::Glue::DataCatalogEncryptionSettings', { facets: { glue } });

  it('passes SSE-KMS (with or without service role) and encrypted passwords', () => {
    expect(verdictOf(catalog, settings({ catalogEncryptionMode: 'SSE-KMS', connectionPasswordEncryption: true }))).toBe('pass');
    expect(verdictOf(catalog, settings({ catalogEncryptionMode: 'SSE-KMS-WITH-SERVICE-ROLE', connectionPasswordEncryption: true }))).toBe('pass');
  });

  it('fails a disabled catalog or clear-text passwords', () => {
    const [r] = run(catalog, settings({ catalogEncryptionMode: 'DISABLED', connectionPasswordEncryption: true }));
    expect(r.verdict).toBe('fail');
    expect(r.path).toBe('glue.catalogEncryptionMode');
    const [p] = run(catalog, settings({ catalogEncryptionMode: 'SSE-KMS' }));
    expect(p.verdict).toBe('fail');
    expect(p.path).toBe('glue.connectionPasswordEncryption');
  });

  it('is unknown when a setting is unknown and nothing else fails', () => {
    expect(verdictOf(catalog, settings({ catalogEncryptionMode: U('var.mode'), connectionPasswordEncryption: true }))).toBe('unknown');
    expect(verdictOf(catalog, settings({ catalogEncryptionMode: U('var.mode'), connectionPasswordEncryption: false }))).toBe('fail');
  });

  it('does not apply to jobs', () => {
    expect(verdictOf(catalog, res('J', 'AWS::Glue::Job'))).toBe('not-applicable');
  });
});

describe('tls.glue-connection-ssl', () => {
  const conn = (glue: object) => res('Conn', 'AWS::Glue::Connection', { facets: { glue } });

  it('passes a JDBC connection with JDBC_ENFORCE_SSL=true', () => {
    expect(verdictOf(ssl, conn({ connectionType: 'JDBC', connectionProperties: { JDBC_ENFORCE_SSL: 'true' } }))).toBe('pass');
  });

  it('fails when absent or false, naming the value', () => {
    expect(verdictOf(ssl, conn({ connectionType: 'JDBC', connectionProperties: {} }))).toBe('fail');
    const [r] = run(ssl, conn({ connectionType: 'JDBC', connectionProperties: { JDBC_ENFORCE_SSL: 'false' } }));
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('"false"');
    expect(r.path).toBe('glue.connectionProperties.JDBC_ENFORCE_SSL');
  });

  it('treats a connection with a JDBC URL and no type as JDBC', () => {
    expect(verdictOf(ssl, conn({ connectionProperties: { JDBC_CONNECTION_URL: 'jdbc:mysql://h/db' } }))).toBe('fail');
  });

  it('is unknown for unknown values or types', () => {
    expect(verdictOf(ssl, conn({ connectionType: 'JDBC', connectionProperties: { JDBC_ENFORCE_SSL: U('param') } }))).toBe('unknown');
    expect(verdictOf(ssl, conn({ connectionType: U('var.type') }))).toBe('unknown');
  });

  it('does not apply to NETWORK connections', () => {
    expect(verdictOf(ssl, conn({ connectionType: 'NETWORK' }))).toBe('not-applicable');
  });
});

describe('glue.continuous-logging', () => {
  const job = (args?: object) => res('Job', 'AWS::Glue::Job', { facets: { glue: { defaultArguments: args as never } } });

  it('passes with the argument true', () => {
    expect(verdictOf(logging, job({ '--enable-continuous-cloudwatch-log': 'true' }))).toBe('pass');
  });

  it('fails when absent or false', () => {
    expect(verdictOf(logging, job())).toBe('fail');
    const [r] = run(logging, job({ '--enable-continuous-cloudwatch-log': 'false' }));
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('"false"');
  });

  it('is unknown for an unresolved value', () => {
    expect(verdictOf(logging, job({ '--enable-continuous-cloudwatch-log': U('var.log') }))).toBe('unknown');
  });

  it('does not apply to crawlers', () => {
    expect(verdictOf(logging, res('C', 'AWS::Glue::Crawler'))).toBe('not-applicable');
  });
});

describe('glue.column-classification', () => {
  const redDb = res('SalesDb', 'AWS::Glue::Database', { name: 'sales', tags: { data_classification: 'red' }, facets: { glue: { catalogName: 'sales' } } });
  const table = (cols: Array<{ name: unknown; parameters: object }>, extra: object = {}) =>
    res('Customers', 'AWS::Glue::Table', { name: 'customers', facets: { glue: { catalogName: 'customers', database: '${SalesDb}', columns: cols as never, ...extra } } });

  it('passes a red table (red through its database) whose columns all carry a classification parameter', () => {
    const t = table([{ name: 'email', parameters: { pii: 'high' } }, { name: 'id', parameters: { PII: 'none' } }]);
    expect(verdictOf(columns, t, [t, redDb])).toBe('pass');
  });

  it('fails listing the unclassified columns', () => {
    const t = table([{ name: 'email', parameters: { pii: 'high' } }, { name: 'dob', parameters: {} }, { name: 'id', parameters: { comment: 'x' } }]);
    const [r] = run(columns, t, [t, redDb]);
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('2 of 3');
    expect(r.message).toContain('dob, id');
    expect(r.path).toBe('glue.columns[1].parameters');
  });

  it('accepts LF-tags assigned to the columns (the CloudFormation way)', () => {
    const t = table([{ name: 'email', parameters: {} }]);
    const assoc = res('EmailPii', 'AWS::LakeFormation::TagAssociation', {
      facets: { lakeformation: { assignment: { target: { kind: 'columns', database: 'sales', table: 'customers', columns: ['email'], excluded: false }, tags: [{ key: 'pii', values: ['high'] }] } } },
    });
    expect(verdictOf(columns, t, [t, redDb, assoc])).toBe('pass');
  });

  it('is unknown with no columns, or an unknown column list covering missing ones', () => {
    const empty = table([]);
    expect(verdictOf(columns, empty, [empty, redDb])).toBe('unknown');
    const t = table([{ name: 'email', parameters: {} }]);
    const assoc = res('A', 'AWS::LakeFormation::TagAssociation', {
      facets: { lakeformation: { assignment: { target: { kind: 'columns', database: 'sales', table: 'customers', columns: [U('var.cols')], excluded: false }, tags: [{ key: 'pii', values: ['high'] }] } } },
    });
    expect(verdictOf(columns, t, [t, redDb, assoc])).toBe('unknown');
  });

  it('classifies an orange table from its own parameters', () => {
    const t = res('T', 'AWS::Glue::Table', { facets: { glue: { tableParameters: { pii: 'low' }, columns: [{ name: 'a', parameters: {} }] } } });
    expect(verdictOf(columns, t)).toBe('fail');
  });

  it('does not apply to green or unclassified tables', () => {
    const green = res('T', 'AWS::Glue::Table', { tags: { data_classification: 'green' }, facets: { glue: { columns: [{ name: 'a', parameters: {} }] } } });
    expect(verdictOf(columns, green)).toBe('not-applicable');
    expect(verdictOf(columns, table([{ name: 'a', parameters: {} }]))).toBe('not-applicable');
  });
});
