resource "aws_kms_key" "data" {
  description         = "Customer-managed key for red data"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdmin"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_alias" "data" {
  name          = "alias/orders-data"
  target_key_id = aws_kms_key.data.key_id
}

# non-compliant: no rotation, and a key policy open to everyone
resource "aws_kms_key" "legacy" {
  description         = "Key created by hand years ago"
  enable_key_rotation = false
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["kms:Decrypt", "kms:DescribeKey"]
      Resource  = "*"
    }]
  })
}
