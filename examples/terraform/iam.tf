data "aws_iam_policy_document" "glue_assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["glue.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "etl" {
  name               = "orders-etl"
  assume_role_policy = data.aws_iam_policy_document.glue_assume.json
}

resource "aws_iam_role_policy_attachment" "etl_glue_service" {
  role       = aws_iam_role.etl.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"
}

resource "aws_iam_role_policy" "etl" {
  name = "read-raw-write-curated"
  role = aws_iam_role.etl.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = "${aws_s3_bucket.raw.arn}/*"
      },
      {
        Effect    = "Allow"
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = aws_kms_key.data.arn
        Condition = { StringEquals = { "aws:ResourceTag/owner" = "team-data" } }
      },
    ]
  })
}

resource "aws_iam_role" "warehouse_copy" {
  name = "warehouse-copy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "redshift.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  inline_policy {
    name = "copy-from-raw"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        Action    = ["s3:GetObject", "s3:ListBucket"]
        Resource  = [aws_s3_bucket.raw.arn, "${aws_s3_bucket.raw.arn}/*"]
        Condition = { StringEquals = { "aws:ResourceTag/owner" = "team-data" } }
      }]
    })
  }
}

resource "aws_iam_role" "data_lake_admin" {
  name = "data-lake-admin"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = "sts:AssumeRole"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

# non-compliant: trusted by a partner account without an external id; dynamodb:* on everything;
# can pass any role to a new Glue job and run it (privilege escalation)
resource "aws_iam_role" "analyst" {
  name = "orders-analyst"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${var.partner_account_id}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "analyst" {
  name = "analyst"
  role = aws_iam_role.analyst.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "dynamodb:*", Resource = "*" },
      { Effect = "Allow", Action = ["iam:PassRole", "glue:CreateJob", "glue:StartJobRun"], Resource = "*" },
    ]
  })
}

# non-compliant: a long-lived IAM user with administrator access and an access key
resource "aws_iam_user" "deployer" {
  name = "legacy-deployer"
}

resource "aws_iam_user_policy_attachment" "deployer_admin" {
  user       = aws_iam_user.deployer.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_access_key" "deployer" {
  user = aws_iam_user.deployer.name
}
