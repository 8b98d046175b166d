resource "aws_rds_cluster_parameter_group" "orders" {
  name        = "orders-db"
  description = "TLS only, pgaudit on"
  family      = "aurora-postgresql16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
  parameter {
    name         = "shared_preload_libraries"
    value        = "pg_stat_statements,pgaudit"
    apply_method = "pending-reboot"
  }
  parameter {
    name  = "pgaudit.log"
    value = "ddl,role,write"
  }
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier                  = "orders-db"
  engine                              = "aurora-postgresql"
  engine_version                      = "16.4"
  master_username                     = "orders_admin"
  manage_master_user_password         = true
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.data.arn
  iam_database_authentication_enabled = true
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.orders.name
  backup_retention_period             = 14
  deletion_protection                 = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  vpc_security_group_ids              = [aws_security_group.warehouse.id]

  tags = merge(local.team_tags.orders, { data_classification = "red" })
}

resource "aws_rds_cluster_instance" "orders" {
  count               = 1
  identifier          = "orders-db-${count.index + 1}"
  cluster_identifier  = aws_rds_cluster.orders.id
  instance_class      = "db.r6g.large"
  engine              = aws_rds_cluster.orders.engine
  publicly_accessible = false
}

# non-compliant: public, unencrypted MySQL with a literal password, 1-day backups
resource "aws_db_instance" "reporting" {
  identifier              = "reporting"
  engine                  = "mysql"
  engine_version          = "8.0.39"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  username                = "report"
  password                = var.reporting_password
  publicly_accessible     = true
  storage_encrypted       = false
  backup_retention_period = 1
  vpc_security_group_ids  = [aws_security_group.reporting.id]

  tags = { data_classification = "orange" }
}
