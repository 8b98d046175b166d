resource "aws_secretsmanager_secret" "warehouse_admin" {
  name       = "orders/warehouse/etl"
  kms_key_id = aws_kms_key.data.arn
  tags       = { data_classification = "red" }
}

resource "aws_secretsmanager_secret_rotation" "warehouse_admin" {
  secret_id           = aws_secretsmanager_secret.warehouse_admin.id
  rotation_lambda_arn = "arn:aws:lambda:${var.region}:${local.account_id}:function:secrets-rotation"
  rotation_rules {
    automatically_after_days = 30
  }
}

# non-compliant: never rotated
resource "aws_secretsmanager_secret" "partner_api" {
  name = "orders/partner-api"
  tags = { data_classification = "orange" }
}
