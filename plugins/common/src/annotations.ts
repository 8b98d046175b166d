/**
 * How a catalog entity names its AWS resources. The first two are what AWS's own Backstage
 * plugins write (their AWS Config catalog module ingests resources with them), so entities it
 * ingests are scored with no extra setup; the tag selector lets a Component or System claim every
 * resource carrying given tags.
 */
export const ANNOTATION_ARN = 'aws.amazon.com/arn';
export const ANNOTATION_RESOURCE_TYPE = 'aws.amazon.com/resource-type';
/** `key=value` pairs, comma-separated: `app=orders,env=prod` (every pair must match). */
export const ANNOTATION_TAGS = 'pillarguard.io/aws-tags';
