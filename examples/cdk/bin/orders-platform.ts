// Orders analytics platform (Pillarguard example), as a CDK v2 app. The same resources, properties
// and compliant / non-compliant choices as examples/cloudformation/data-platform.yaml; the
// resources marked "non-compliant" are the mistakes Pillarguard exists to catch.
import { App, Aws, CfnCondition, CfnParameter, Duration, Fn, Stack, StackProps, Tags, Token } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as redshift from 'aws-cdk-lib/aws-redshift';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { Construct } from 'constructs';

function tag(scope: Construct, tags: Record<string, string>): void {
  for (const [k, v] of Object.entries(tags)) Tags.of(scope).add(k, v);
}

export class OrdersPlatformStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const environment = new CfnParameter(this, 'Environment', { type: 'String', default: 'prod', allowedValues: ['dev', 'prod'] });
    const partnerAccountId = new CfnParameter(this, 'PartnerAccountId', { type: 'String', default: '444455556666' });
    const vpcCidr = new CfnParameter(this, 'VpcCidr', { type: 'String', default: '10.20.0.0/16' });
    const isProd = new CfnCondition(this, 'IsProd', { expression: Fn.conditionEquals(environment.valueAsString, 'prod') });

    // ---------------------------------------------------------------- network
    const vpc = new ec2.CfnVPC(this, 'DataVpc', { cidrBlock: vpcCidr.valueAsString, tags: [{ key: 'Name', value: 'data-vpc' }] });
    new ec2.CfnVPCEndpoint(this, 'DynamoDbEndpoint', {
      vpcId: vpc.ref,
      serviceName: `com.amazonaws.${Aws.REGION}.dynamodb`,
      vpcEndpointType: 'Gateway',
    });
    const warehouseSg = new ec2.CfnSecurityGroup(this, 'WarehouseSecurityGroup', {
      groupDescription: 'Redshift and Aurora from inside the VPC only',
      vpcId: vpc.ref,
      securityGroupIngress: [
        { ipProtocol: 'tcp', fromPort: 5439, toPort: 5439, cidrIp: vpcCidr.valueAsString },
        { ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, cidrIp: vpcCidr.valueAsString },
      ],
    });
    // non-compliant: MySQL open to the internet
    const reportingSg = new ec2.CfnSecurityGroup(this, 'ReportingSecurityGroup', {
      groupDescription: 'Reporting database',
      vpcId: vpc.ref,
      securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 3306, toPort: 3306, cidrIp: '0.0.0.0/0' }],
    });

    // ---------------------------------------------------------------- keys
    const dataKey = new kms.Key(this, 'DataKey', {
      description: 'Customer-managed key for red data',
      enableKeyRotation: true,
      policy: new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({ sid: 'AccountAdmin', principals: [new iam.AccountRootPrincipal()], actions: ['kms:*'], resources: ['*'] })],
      }),
    });
    new kms.Alias(this, 'DataKeyAlias', { aliasName: 'alias/orders-data', targetKey: dataKey });

    // non-compliant: no rotation, and a key policy open to everyone
    new kms.Key(this, 'LegacyKey', {
      description: 'Key created by hand years ago',
      enableKeyRotation: false,
      policy: new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['kms:Decrypt', 'kms:DescribeKey'], resources: ['*'] })],
      }),
    });

    // ---------------------------------------------------------------- DynamoDB
    const ordersTable = new dynamodb.Table(this, 'OrdersTable', {
      tableName: 'orders',
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      partitionKey: { name: 'customerId', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'orderId', type: dynamodb.AttributeType.STRING },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: dataKey,
      pointInTimeRecovery: true,
      deletionProtection: true,
    });
    tag(ordersTable, { data_classification: 'red', owner: 'team-orders' });

    // non-compliant: orange data without PITR or deletion protection
    const sessionsTable = new dynamodb.Table(this, 'SessionsTable', {
      tableName: 'sessions',
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      partitionKey: { name: 'sessionId', type: dynamodb.AttributeType.STRING },
    });
    tag(sessionsTable, { data_classification: 'orange', owner: 'team-web' });

    // non-compliant: red (pii=high) but encrypted with the AWS-owned key; never classified properly
    const profilesTable = new dynamodb.Table(this, 'CustomerProfilesTable', {
      tableName: 'customer-profiles',
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      partitionKey: { name: 'customerId', type: dynamodb.AttributeType.STRING },
      pointInTimeRecovery: true,
    });
    tag(profilesTable, { pii: 'high' });

    // ---------------------------------------------------------------- S3
    const accessLogsBucket = new s3.Bucket(this, 'AccessLogsBucket', {
      bucketName: `orders-access-logs-${Aws.ACCOUNT_ID}`,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    });
    tag(accessLogsBucket, { data_classification: 'green' });

    const rawBucket = new s3.Bucket(this, 'RawBucket', {
      bucketName: `orders-raw-${Aws.ACCOUNT_ID}`,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: dataKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      serverAccessLogsBucket: accessLogsBucket,
      serverAccessLogsPrefix: 'raw/',
      enforceSSL: true,
    });
    tag(rawBucket, { data_classification: 'red', owner: 'team-data' });

    // non-compliant: orange exports without a public access block, bucket policy or versioning
    const exportsBucket = new s3.Bucket(this, 'ExportsBucket', { bucketName: `orders-exports-${Aws.ACCOUNT_ID}` });
    tag(exportsBucket, { data_classification: 'orange' });

    // ---------------------------------------------------------------- secrets
    const warehouseSecret = new secretsmanager.Secret(this, 'WarehouseAdminSecret', {
      secretName: 'orders/warehouse/etl',
      encryptionKey: dataKey,
      generateSecretString: {
        secretStringTemplate: '{"username":"etl"}',
        generateStringKey: 'password',
        passwordLength: 32,
        excludeCharacters: '"@/\\',
      },
    });
    tag(warehouseSecret, { data_classification: 'red' });
    warehouseSecret.addRotationSchedule('Rotation', {
      rotationLambda: lambda.Function.fromFunctionArn(this, 'SecretsRotationFunction', `arn:${Aws.PARTITION}:lambda:${Aws.REGION}:${Aws.ACCOUNT_ID}:function:secrets-rotation`),
      automaticallyAfter: Duration.days(30),
    });

    // non-compliant: never rotated
    const partnerSecret = new secretsmanager.Secret(this, 'PartnerApiSecret', {
      secretName: 'orders/partner-api',
      generateSecretString: { passwordLength: 40 },
    });
    tag(partnerSecret, { data_classification: 'orange' });

    // ---------------------------------------------------------------- IAM
    const etlRole = new iam.Role(this, 'EtlRole', {
      roleName: 'orders-etl',
      assumedBy: new iam.ServicePrincipal('glue.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSGlueServiceRole')],
      inlinePolicies: {
        'read-raw-write-curated': new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [rawBucket.arnForObjects('*')] }),
            new iam.PolicyStatement({
              actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
              resources: [dataKey.keyArn],
              conditions: { StringEquals: { 'aws:ResourceTag/owner': 'team-data' } },
            }),
          ],
        }),
      },
    });

    const warehouseCopyRole = new iam.Role(this, 'WarehouseCopyRole', {
      assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com'),
      inlinePolicies: {
        'copy-from-raw': new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              actions: ['s3:GetObject', 's3:ListBucket'],
              resources: [rawBucket.bucketArn, rawBucket.arnForObjects('*')],
              conditions: { StringEquals: { 'aws:ResourceTag/owner': 'team-data' } },
            }),
          ],
        }),
      },
    });

    const dataLakeAdminRole = new iam.Role(this, 'DataLakeAdminRole', {
      assumedBy: new iam.AccountRootPrincipal().withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
    });

    // non-compliant: trusted by a partner account without an external id; dynamodb:* on everything;
    // can pass any role to a new Glue job and run it (privilege escalation)
    const analystRole = new iam.Role(this, 'AnalystRole', {
      roleName: 'orders-analyst',
      assumedBy: new iam.AccountPrincipal(partnerAccountId.valueAsString),
      inlinePolicies: {
        analyst: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }),
            new iam.PolicyStatement({ actions: ['iam:PassRole', 'glue:CreateJob', 'glue:StartJobRun'], resources: ['*'] }),
          ],
        }),
      },
    });

    // non-compliant: a long-lived IAM user with administrator access and an access key
    const deployUser = new iam.User(this, 'DeployUser', {
      userName: 'legacy-deployer',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });
    new iam.AccessKey(this, 'DeployUserKey', { user: deployUser });

    // ---------------------------------------------------------------- Glue and Lake Formation
    const curatedDatabase = new glue.CfnDatabase(this, 'CuratedDatabase', {
      catalogId: Aws.ACCOUNT_ID,
      databaseInput: { name: 'curated', description: 'Curated order data' },
    });
    const curatedOrdersTable = new glue.CfnTable(this, 'CuratedOrdersTable', {
      catalogId: Aws.ACCOUNT_ID,
      databaseName: curatedDatabase.ref,
      tableInput: {
        name: 'orders',
        tableType: 'EXTERNAL_TABLE',
        parameters: { classification: 'parquet', data_classification: 'red' },
        storageDescriptor: {
          location: `s3://${rawBucket.bucketName}/curated/orders/`,
          columns: [
            { name: 'order_id', type: 'string' },
            { name: 'customer_email', type: 'string' },
            { name: 'amount', type: 'decimal(12,2)' },
          ],
        },
      },
    });
    // Column-level classification as in the CloudFormation example. CfnTable's ColumnProperty has
    // no `parameters` (the Glue API's Column has), hence the escape hatch.
    ['green', 'red', 'orange'].forEach((level, i) =>
      curatedOrdersTable.addPropertyOverride(`TableInput.StorageDescriptor.Columns.${i}.Parameters`, { data_classification: level }),
    );
    const etlSecurityConfiguration = new glue.CfnSecurityConfiguration(this, 'EtlSecurityConfiguration', {
      name: 'etl-sse-kms',
      encryptionConfiguration: {
        s3Encryptions: [{ s3EncryptionMode: 'SSE-KMS', kmsKeyArn: dataKey.keyArn }],
        cloudWatchEncryption: { cloudWatchEncryptionMode: 'SSE-KMS', kmsKeyArn: dataKey.keyArn },
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'CSE-KMS', kmsKeyArn: dataKey.keyArn },
      },
    });
    new glue.CfnDataCatalogEncryptionSettings(this, 'CatalogEncryption', {
      catalogId: Aws.ACCOUNT_ID,
      dataCatalogEncryptionSettings: {
        encryptionAtRest: { catalogEncryptionMode: 'SSE-KMS', sseAwsKmsKeyId: dataKey.keyId },
        connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, kmsKeyId: dataKey.keyId },
      },
    });
    const warehouseConnection = new glue.CfnConnection(this, 'WarehouseConnection', {
      catalogId: Aws.ACCOUNT_ID,
      connectionInput: {
        name: 'warehouse-jdbc',
        connectionType: 'JDBC',
        connectionProperties: {
          JDBC_CONNECTION_URL: 'jdbc:redshift://warehouse.internal:5439/analytics',
          SECRET_ID: warehouseSecret.secretArn,
          JDBC_ENFORCE_SSL: 'true',
        },
        physicalConnectionRequirements: { securityGroupIdList: [warehouseSg.ref], subnetId: 'subnet-0a1b2c3d' },
      },
    });
    // non-compliant: literal password and no TLS enforcement
    new glue.CfnConnection(this, 'LegacyReportingConnection', {
      catalogId: Aws.ACCOUNT_ID,
      connectionInput: {
        name: 'reporting-jdbc',
        connectionType: 'JDBC',
        connectionProperties: {
          JDBC_CONNECTION_URL: 'jdbc:mysql://reporting.example.com:3306/reports',
          USERNAME: 'report',
          PASSWORD: 'Sup3rS3cret!',
        },
      },
    });
    new glue.CfnJob(this, 'EtlJob', {
      name: 'curate-orders',
      role: etlRole.roleArn,
      glueVersion: '4.0',
      command: { name: 'glueetl', scriptLocation: `s3://${rawBucket.bucketName}/scripts/curate_orders.py`, pythonVersion: '3' },
      securityConfiguration: etlSecurityConfiguration.ref,
      connections: { connections: [warehouseConnection.ref] },
      defaultArguments: {
        '--enable-continuous-cloudwatch-log': 'true',
        '--job-bookmark-option': 'job-bookmark-enable',
      },
    });
    // non-compliant: no security configuration, no continuous logging, reaches a database without a VPC connection
    new glue.CfnJob(this, 'AdhocExportJob', {
      name: 'adhoc-export',
      role: analystRole.roleArn,
      command: { name: 'glueetl', scriptLocation: 's3://orders-scripts/adhoc_export.py' },
      defaultArguments: { '--connection-url': 'jdbc:mysql://reporting.example.com:3306/reports' },
    });

    new lakeformation.CfnDataLakeSettings(this, 'DataLakeSettings', {
      admins: [{ dataLakePrincipalIdentifier: dataLakeAdminRole.roleArn }],
      createDatabaseDefaultPermissions: [],
      createTableDefaultPermissions: [],
    });
    new lakeformation.CfnTag(this, 'PiiTag', { tagKey: 'pii', tagValues: ['high', 'low', 'none'] });
    new lakeformation.CfnTagAssociation(this, 'CuratedDatabaseTags', {
      resource: { database: { catalogId: Aws.ACCOUNT_ID, name: 'curated' } },
      lfTags: [{ catalogId: Aws.ACCOUNT_ID, tagKey: 'pii', tagValues: ['high'] }],
    });
    new lakeformation.CfnPrincipalPermissions(this, 'AnalystsReadLowPii', {
      principal: { dataLakePrincipalIdentifier: analystRole.roleArn },
      resource: {
        lfTagPolicy: { catalogId: Aws.ACCOUNT_ID, resourceType: 'TABLE', expression: [{ tagKey: 'pii', tagValues: ['low', 'none'] }] },
      },
      permissions: ['SELECT', 'DESCRIBE'],
      permissionsWithGrantOption: [],
    });
    // non-compliant: a named-table grant (not tag-based) of red data, all columns, with grant option
    new lakeformation.CfnPermissions(this, 'AdhocTableGrant', {
      dataLakePrincipal: { dataLakePrincipalIdentifier: analystRole.roleArn },
      resource: { tableResource: { catalogId: Aws.ACCOUNT_ID, databaseName: 'curated', name: 'orders' } },
      permissions: ['SELECT'],
      permissionsWithGrantOption: ['SELECT'],
    });

    // ---------------------------------------------------------------- Redshift
    const warehouseParameterGroup = new redshift.CfnClusterParameterGroup(this, 'WarehouseParameterGroup', {
      description: 'TLS and user activity logging',
      parameterGroupFamily: 'redshift-1.0',
      parameters: [
        { parameterName: 'require_ssl', parameterValue: 'true' },
        { parameterName: 'enable_user_activity_logging', parameterValue: 'true' },
      ],
    });
    const warehouse = new redshift.CfnCluster(this, 'Warehouse', {
      clusterIdentifier: 'orders-warehouse',
      clusterType: 'multi-node',
      numberOfNodes: 2,
      nodeType: 'ra3.xlplus',
      dbName: 'analytics',
      masterUsername: 'admin',
      manageMasterPassword: true,
      encrypted: true,
      kmsKeyId: dataKey.keyId,
      publiclyAccessible: false,
      enhancedVpcRouting: true,
      clusterParameterGroupName: warehouseParameterGroup.ref,
      vpcSecurityGroupIds: [warehouseSg.ref],
      automatedSnapshotRetentionPeriod: Token.asNumber(Fn.conditionIf(isProd.logicalId, 14, 1)),
      iamRoles: [warehouseCopyRole.roleArn],
      loggingProperties: { logDestinationType: 'cloudwatch', logExports: ['connectionlog', 'userlog', 'useractivitylog'] },
    });
    tag(warehouse, { data_classification: 'red', owner: 'team-analytics' });

    // ---------------------------------------------------------------- Aurora / RDS
    const ordersDbParameterGroup = new rds.CfnDBClusterParameterGroup(this, 'OrdersDbParameterGroup', {
      description: 'TLS only, pgaudit on',
      family: 'aurora-postgresql16',
      parameters: {
        'rds.force_ssl': '1',
        shared_preload_libraries: 'pg_stat_statements,pgaudit',
        'pgaudit.log': 'ddl,role,write',
      },
    });
    const ordersDb = new rds.CfnDBCluster(this, 'OrdersDb', {
      dbClusterIdentifier: 'orders-db',
      engine: 'aurora-postgresql',
      engineVersion: '16.4',
      masterUsername: 'orders_admin',
      manageMasterUserPassword: true,
      storageEncrypted: true,
      kmsKeyId: dataKey.keyId,
      enableIamDatabaseAuthentication: true,
      dbClusterParameterGroupName: ordersDbParameterGroup.ref,
      backupRetentionPeriod: 14,
      deletionProtection: true,
      enableCloudwatchLogsExports: ['postgresql'],
      vpcSecurityGroupIds: [warehouseSg.ref],
    });
    tag(ordersDb, { data_classification: 'red', owner: 'team-orders' });
    new rds.CfnDBInstance(this, 'OrdersDbInstance1', {
      dbClusterIdentifier: ordersDb.ref,
      dbInstanceClass: 'db.r6g.large',
      engine: 'aurora-postgresql',
      publiclyAccessible: false,
    });
    // non-compliant: public, unencrypted MySQL with a literal password, 1-day backups
    const reportingDb = new rds.CfnDBInstance(this, 'ReportingDb', {
      dbInstanceIdentifier: 'reporting',
      engine: 'mysql',
      engineVersion: '8.0.39',
      dbInstanceClass: 'db.t4g.medium',
      allocatedStorage: '50',
      masterUsername: 'report',
      masterUserPassword: 'Sup3rS3cret!',
      publiclyAccessible: true,
      storageEncrypted: false,
      backupRetentionPeriod: 1,
      vpcSecurityGroups: [reportingSg.ref],
    });
    tag(reportingDb, { data_classification: 'orange' });

    // ---------------------------------------------------------------- monitoring
    new cloudtrail.CfnTrail(this, 'AuditTrail', {
      trailName: 'org-audit',
      s3BucketName: accessLogsBucket.bucketName,
      isLogging: true,
      isMultiRegionTrail: true,
      enableLogFileValidation: true,
      kmsKeyId: dataKey.keyId,
      eventSelectors: [
        {
          readWriteType: 'All',
          includeManagementEvents: true,
          dataResources: [
            { type: 'AWS::DynamoDB::Table', values: [ordersTable.tableArn] },
            { type: 'AWS::S3::Object', values: [`${rawBucket.bucketArn}/`] },
          ],
        },
      ],
    });
    new logs.LogGroup(this, 'GlueJobLogs', {
      logGroupName: '/aws-glue/jobs/curate-orders',
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: dataKey,
    });
    // non-compliant: kept forever
    new logs.LogGroup(this, 'AdhocJobLogs', { logGroupName: '/aws-glue/jobs/adhoc-export', retention: logs.RetentionDays.INFINITE });
  }
}

const app = new App();
new OrdersPlatformStack(app, 'OrdersPlatformStack', {
  description: 'Orders analytics platform (Pillarguard example), CDK v2',
});
app.synth();
