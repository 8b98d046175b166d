resource "aws_glue_catalog_database" "curated" {
  name        = "curated"
  description = "Curated order data"
}

resource "aws_glue_catalog_table" "curated_orders" {
  name          = "orders"
  database_name = aws_glue_catalog_database.curated.name
  table_type    = "EXTERNAL_TABLE"
  parameters = {
    classification      = "parquet"
    data_classification = "red"
  }

  storage_descriptor {
    location = "s3://${aws_s3_bucket.raw.bucket}/curated/orders/"
    columns {
      name       = "order_id"
      type       = "string"
      parameters = { data_classification = "green" }
    }
    columns {
      name       = "customer_email"
      type       = "string"
      parameters = { data_classification = "red" }
    }
    columns {
      name       = "amount"
      type       = "decimal(12,2)"
      parameters = { data_classification = "orange" }
    }
  }
}

resource "aws_glue_security_configuration" "etl" {
  name = "etl-sse-kms"
  encryption_configuration {
    s3_encryption {
      s3_encryption_mode = "SSE-KMS"
      kms_key_arn        = aws_kms_key.data.arn
    }
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "SSE-KMS"
      kms_key_arn                = aws_kms_key.data.arn
    }
    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "CSE-KMS"
      kms_key_arn                   = aws_kms_key.data.arn
    }
  }
}

resource "aws_glue_data_catalog_encryption_settings" "catalog" {
  data_catalog_encryption_settings {
    encryption_at_rest {
      catalog_encryption_mode = "SSE-KMS"
      sse_aws_kms_key_id      = aws_kms_key.data.arn
    }
    connection_password_encryption {
      return_connection_password_encrypted = true
      aws_kms_key_id                       = aws_kms_key.data.arn
    }
  }
}

resource "aws_glue_connection" "warehouse" {
  name            = "warehouse-jdbc"
  connection_type = "JDBC"
  connection_properties = {
    JDBC_CONNECTION_URL = "jdbc:redshift://warehouse.internal:5439/analytics"
    SECRET_ID           = aws_secretsmanager_secret.warehouse_admin.name
    JDBC_ENFORCE_SSL    = "true"
  }
  physical_connection_requirements {
    security_group_id_list = [aws_security_group.warehouse.id]
    subnet_id              = "subnet-0a1b2c3d"
  }
}

# non-compliant: literal password and no TLS enforcement
resource "aws_glue_connection" "legacy_reporting" {
  name            = "reporting-jdbc"
  connection_type = "JDBC"
  connection_properties = {
    JDBC_CONNECTION_URL = "jdbc:mysql://reporting.example.com:3306/reports"
    USERNAME            = "report"
    PASSWORD            = "Sup3rS3cret!"
  }
}

resource "aws_glue_job" "etl" {
  name                   = "curate-orders"
  role_arn               = aws_iam_role.etl.arn
  glue_version           = "4.0"
  security_configuration = aws_glue_security_configuration.etl.name
  connections            = [aws_glue_connection.warehouse.name]

  command {
    name            = "glueetl"
    script_location = "s3://${aws_s3_bucket.raw.bucket}/scripts/curate_orders.py"
    python_version  = "3"
  }

  default_arguments = {
    "--enable-continuous-cloudwatch-log" = "true"
    "--job-bookmark-option"              = "job-bookmark-enable"
  }
}

# non-compliant: no security configuration, no continuous logging, reaches a database without a VPC connection
resource "aws_glue_job" "adhoc_export" {
  name     = "adhoc-export"
  role_arn = aws_iam_role.analyst.arn

  command {
    name            = "glueetl"
    script_location = "s3://orders-scripts/adhoc_export.py"
  }

  default_arguments = {
    "--connection-url" = "jdbc:mysql://reporting.example.com:3306/reports"
  }
}
