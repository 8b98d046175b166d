resource "aws_vpc" "data" {
  cidr_block = var.vpc_cidr
  tags       = { Name = "data-vpc" }
}

resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id            = aws_vpc.data.id
  service_name      = "com.amazonaws.${var.region}.dynamodb"
  vpc_endpoint_type = "Gateway"
}

resource "aws_security_group" "warehouse" {
  name        = "warehouse"
  description = "Redshift and Aurora from inside the VPC only"
  vpc_id      = aws_vpc.data.id

  ingress {
    protocol    = "tcp"
    from_port   = 5439
    to_port     = 5439
    cidr_blocks = [var.vpc_cidr]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 5432
    to_port     = 5432
    cidr_blocks = [var.vpc_cidr]
  }
}

# non-compliant: MySQL open to the internet
resource "aws_security_group" "reporting" {
  name        = "reporting"
  description = "Reporting database"
  vpc_id      = aws_vpc.data.id
}

resource "aws_vpc_security_group_ingress_rule" "reporting_mysql" {
  security_group_id = aws_security_group.reporting.id
  ip_protocol       = "tcp"
  from_port         = 3306
  to_port           = 3306
  cidr_ipv4         = "0.0.0.0/0"
}
