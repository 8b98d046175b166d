# Orders platform, before the pull request (see ../README.md).
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.70" }
  }
}

data "aws_caller_identity" "current" {}

variable "partner_account_id" {
  type    = string
  default = "444455556666"
}

resource "aws_kms_key" "data" {
  description         = "Customer-managed key for red data"
  enable_key_rotation = true
  tags                = { owner = "team-data" }
}

resource "aws_dynamodb_table" "orders" {
  name                        = "orders"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "customerId"
  deletion_protection_enabled = true

  attribute {
    name = "customerId"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }

  point_in_time_recovery {
    enabled = true
  }

  tags = { data_classification = "red", owner = "team-orders" }
}

resource "aws_iam_role" "reporting" {
  name = "orders-reporting"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "glue.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = { owner = "team-orders" }
}

resource "aws_iam_role_policy" "reporting" {
  name = "read-orders"
  role = aws_iam_role.reporting.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["dynamodb:Query", "dynamodb:GetItem"]
      Resource  = aws_dynamodb_table.orders.arn
      Condition = { "ForAllValues:StringEquals" = { "dynamodb:LeadingKeys" = ["$${aws:PrincipalTag/customer}"] }, StringEquals = { "aws:ResourceTag/owner" = "team-orders" } }
    }]
  })
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier                  = "orders-warehouse"
  node_type                           = "ra3.xlplus"
  master_username                     = "admin"
  manage_master_password              = true
  encrypted                           = true
  kms_key_id                          = aws_kms_key.data.arn
  publicly_accessible                 = false
  enhanced_vpc_routing                = true
  automated_snapshot_retention_period = 7
  tags                                = { data_classification = "red", owner = "team-analytics" }
}
