import React from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { TrendLine } from '@backstage/core-components';
import type { HistoryPoint, Pillar } from '../api/types';

/** The overall (or one pillar's) score over the history given, as a sparkline and its change in points. */
export function TrendSummary(props: { history: HistoryPoint[]; pillar?: Pillar; label: string }) {
  const values = props.history.map((h) => (props.pillar ? h.pillars[props.pillar] : h.overall)).filter((v): v is number => v !== null && v !== undefined);
  if (values.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.label}: no history yet
      </Typography>
    );
  }
  const change = values[values.length - 1] - values[0];
  const text = values.length === 1 ? 'no change' : change === 0 ? 'unchanged' : `${change > 0 ? '+' : ''}${change} points`;
  return (
    <Box display="flex" alignItems="center" aria-label={`${props.label}: ${text} over ${values.length} evaluations`}>
      <Typography variant="body2" component="span" style={{ marginRight: 8 }}>
        {props.label}: {text}
      </Typography>
      {values.length > 1 && (
        <Box width={120} aria-hidden>
          <TrendLine data={values} title={props.label} max={100} min={0} />
        </Box>
      )}
    </Box>
  );
}
