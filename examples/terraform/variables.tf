variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "partner_account_id" {
  type    = string
  default = "444455556666"
}

variable "vpc_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

# non-compliant: a password with a literal default is a password in the code
variable "reporting_password" {
  type      = string
  default   = "Sup3rS3cret!"
  sensitive = true
}

locals {
  account_id = data.aws_caller_identity.current.account_id
  is_prod    = var.environment == "prod"
  team_tags = {
    orders    = { owner = "team-orders" }
    analytics = { owner = "team-analytics" }
    data      = { owner = "team-data" }
  }
}
