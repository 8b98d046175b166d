import React from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { ANNOTATION_ARN, ANNOTATION_TAGS } from './useEntityScores';
import { RemediationSnippet } from './RemediationSnippet';

const READ_MORE = 'https://github.com/pillarguard/pillarguard/blob/main/docs/api.md#which-resources-belong-to-which-entity';

const EXAMPLE = `metadata:
  annotations:
    # the AWS resources this entity is (ARNs, comma-separated)
    ${ANNOTATION_ARN}: arn:aws:dynamodb:eu-west-1:111122223333:table/orders
    # or: every resource carrying these tags
    ${ANNOTATION_TAGS}: app=orders,env=prod`;

/**
 * An entity the plugin has no scores for: explains the annotation to add when it has none, or
 * that the first evaluation has not run yet — never an error.
 *
 * Not Backstage's MissingAnnotationEmptyState / EmptyState: their h5 title breaks the heading
 * order under a card's h2 or a page's h1, and the annotation snippet's colours and unfocusable
 * scrolling fail axe in a real browser (test/portal-e2e.test.ts). `headingLevel` is the level
 * this message's title takes where it is shown.
 */
export function NoScores(props: { hasAnnotations: boolean; headingLevel: 2 | 3 }) {
  const heading = `h${props.headingLevel}` as const;
  if (!props.hasAnnotations) {
    return (
      <Box data-testid="pillarguard-missing-annotation">
        <Typography variant="h6" component={heading} gutterBottom>
          Add an AWS annotation to score this entity
        </Typography>
        <Typography variant="body2" paragraph>
          Pillarguard scores an entity from the AWS resources it names. Add <code>{ANNOTATION_ARN}</code> or <code>{ANNOTATION_TAGS}</code> to its
          catalog-info.yaml:
        </Typography>
        <RemediationSnippet text={EXAMPLE} label="annotations to add" />
        <Typography variant="body2" style={{ marginTop: 8 }}>
          <Link to={READ_MORE}>Which resources belong to which entity</Link>
        </Typography>
      </Box>
    );
  }
  return (
    <Box data-testid="pillarguard-not-evaluated">
      <Typography variant="h6" component={heading} gutterBottom>
        Not evaluated yet
      </Typography>
      <Typography variant="body2">
        This entity names AWS resources, but Pillarguard has not evaluated them yet (or none of them is in AWS Config). Scores appear after the next refresh.
      </Typography>
    </Box>
  );
}
