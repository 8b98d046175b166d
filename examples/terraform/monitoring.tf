resource "aws_cloudtrail" "audit" {
  name                       = "org-audit"
  s3_bucket_name             = aws_s3_bucket.access_logs.id
  enable_logging             = true
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.data.arn

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::DynamoDB::Table"
      values = [aws_dynamodb_table.orders.arn]
    }
    data_resource {
      type   = "AWS::S3::Object"
      values = ["${aws_s3_bucket.raw.arn}/"]
    }
  }
}

resource "aws_cloudwatch_log_group" "glue_etl" {
  name              = "/aws-glue/jobs/curate-orders"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.data.arn
}

# non-compliant: kept forever
resource "aws_cloudwatch_log_group" "adhoc_export" {
  name = "/aws-glue/jobs/adhoc-export"
}
