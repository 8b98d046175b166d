import React from 'react';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import { CopyTextButton } from '@backstage/core-components';

// Not Backstage's CodeSnippet: in the light theme it highlights with highlight.js's docco palette,
// whose string colour (#219161 on #f8f8ff) is 3.75:1 — below WCAG AA's 4.5:1, and remediation
// snippets are mostly strings. Plain text in the theme's own colours reads in both themes.
const useStyles = makeStyles((theme) => ({
  pre: {
    margin: 0,
    padding: theme.spacing(1.5, 6, 1.5, 1.5),
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: '0.85rem',
    lineHeight: 1.5,
    color: theme.palette.text.primary,
    background: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}` },
  },
}));

/** A remediation snippet: preformatted, scrollable by keyboard, with Backstage's copy button. */
export function RemediationSnippet(props: { text: string; label: string }) {
  const classes = useStyles();
  return (
    <Box position="relative">
      {/* tabIndex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable). */}
      <pre className={classes.pre} tabIndex={0} role="group" aria-label={props.label}>
        <code>{props.text}</code>
      </pre>
      <Box position="absolute" top={0} right={0}>
        <CopyTextButton text={props.text} aria-label={`Copy ${props.label}`} tooltipText="Copied" />
      </Box>
    </Box>
  );
}
