import React from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { PILLAR_TITLES, PILLARS, type PillarScore, type Pillar } from '../api/types';
import { BAND_COLOURS, formatScore, scoreBand } from './scores';

/** The eight scores as labelled meters; "n/a" where no rule applies to the entity's resources. */
export function PillarBars(props: { pillars: Record<Pillar, PillarScore> }) {
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Scores per pillar">
      {PILLARS.map((p) => {
        const score = props.pillars[p]?.score ?? null;
        const band = scoreBand(score);
        return (
          <Box component="li" key={p} display="flex" alignItems="center" mb={0.75} data-testid={`pillar-${p}`}>
            <Typography variant="body2" component="span" style={{ width: 150, flexShrink: 0 }} id={`pillar-label-${p}`}>
              {PILLAR_TITLES[p]}
            </Typography>
            <Box
              flexGrow={1}
              mx={1}
              role="meter"
              aria-labelledby={`pillar-label-${p}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={score ?? 0}
              aria-valuetext={score === null ? 'no rule applies' : `${score} out of 100`}
              style={{ height: 8, borderRadius: 4, background: '#e0e0e0', overflow: 'hidden' }}
            >
              <div style={{ width: `${score ?? 0}%`, height: '100%', background: BAND_COLOURS[band] }} />
            </Box>
            <Typography variant="body2" component="span" style={{ width: 36, textAlign: 'right', color: BAND_COLOURS[band], fontWeight: 600 }} data-testid={`pillar-score-${p}`}>
              {formatScore(score)}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}
