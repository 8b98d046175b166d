resource "aws_redshift_parameter_group" "warehouse" {
  name        = "warehouse"
  description = "TLS and user activity logging"
  family      = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = "true"
  }
  parameter {
    name  = "enable_user_activity_logging"
    value = "true"
  }
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier                  = "orders-warehouse"
  cluster_type                        = "multi-node"
  number_of_nodes                     = 2
  node_type                           = "ra3.xlplus"
  database_name                       = "analytics"
  master_username                     = "admin"
  manage_master_password              = true
  encrypted                           = true
  kms_key_id                          = aws_kms_key.data.arn
  publicly_accessible                 = false
  enhanced_vpc_routing                = true
  cluster_parameter_group_name        = aws_redshift_parameter_group.warehouse.name
  vpc_security_group_ids              = [aws_security_group.warehouse.id]
  automated_snapshot_retention_period = local.is_prod ? 14 : 1
  iam_roles                           = [aws_iam_role.warehouse_copy.arn]

  tags = merge(local.team_tags.analytics, { data_classification = "red" })
}

resource "aws_redshift_logging" "warehouse" {
  cluster_identifier   = aws_redshift_cluster.warehouse.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog", "useractivitylog"]
}
