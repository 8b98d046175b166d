resource "aws_lakeformation_data_lake_settings" "this" {
  admins = [aws_iam_role.data_lake_admin.arn]
}

resource "aws_lakeformation_lf_tag" "pii" {
  key    = "pii"
  values = ["high", "low", "none"]
}

resource "aws_lakeformation_resource_lf_tags" "curated" {
  database {
    name = aws_glue_catalog_database.curated.name
  }
  lf_tag {
    key   = aws_lakeformation_lf_tag.pii.key
    value = "high"
  }
}

resource "aws_lakeformation_permissions" "analysts_read_low_pii" {
  principal   = aws_iam_role.analyst.arn
  permissions = ["SELECT", "DESCRIBE"]

  lf_tag_policy {
    resource_type = "TABLE"
    expression {
      key    = "pii"
      values = ["low", "none"]
    }
  }
}

# non-compliant: a named-table grant (not tag-based) of red data, all columns, with grant option
resource "aws_lakeformation_permissions" "adhoc_table" {
  principal                     = aws_iam_role.analyst.arn
  permissions                   = ["SELECT"]
  permissions_with_grant_option = ["SELECT"]

  table {
    database_name = "curated"
    name          = "orders"
  }
}
