resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "customerId"
  range_key    = "orderId"

  attribute {
    name = "customerId"
    type = "S"
  }
  attribute {
    name = "orderId"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }

  point_in_time_recovery {
    enabled = true
  }

  deletion_protection_enabled = true

  tags = merge(local.team_tags.orders, { data_classification = "red" })
}

# non-compliant: orange data without PITR or deletion protection
resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "sessionId"

  attribute {
    name = "sessionId"
    type = "S"
  }

  tags = { data_classification = "orange", owner = "team-web" }
}

# non-compliant: red (pii=high) but encrypted with the AWS-owned key
resource "aws_dynamodb_table" "customer_profiles" {
  name         = "customer-profiles"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "customerId"

  attribute {
    name = "customerId"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  tags = { pii = "high" }
}
