import React from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { CARD_TITLE } from './headings';
import { LevelChip, StaleChip } from './LevelChip';
import { NoScores } from './EmptyStates';
import { PillarBars } from './PillarBars';
import { formatAge, formatScore } from './scores';
import { TrendSummary } from './TrendSummary';
import { useEntityScores, useHasAwsAnnotations } from './useEntityScores';

/**
 * The entity page card: eight pillar scores, the level, the overall trend over 30 days, when the
 * scores were last evaluated (stale ones marked), and a link to the Pillarguard tab.
 */
export function EntityPillarguardCard(props: { title?: string; tabPath?: string }) {
  const { value, loading, error } = useEntityScores(30);
  const hasAnnotations = useHasAwsAnnotations();
  const title = props.title ?? 'Security pillars';
  if (loading) return <InfoCard title={title} {...CARD_TITLE}><Progress /></InfoCard>;
  if (error) return <InfoCard title={title} {...CARD_TITLE}><ResponseErrorPanel error={error} /></InfoCard>;
  const scores = value?.scores;
  if (!scores) return <InfoCard title={title} {...CARD_TITLE}><NoScores hasAnnotations={hasAnnotations} headingLevel={3} /></InfoCard>;
  return (
    <InfoCard
      {...CARD_TITLE}
      title={title}
      subheader={
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <LevelChip level={scores.level} />
          <Typography variant="body2" component="span" data-testid="overall-score">
            Overall {formatScore(scores.overall)}
          </Typography>
          {scores.stale && <StaleChip ageText={formatAge(scores.ageSeconds)} />}
        </Box>
      }
      deepLink={{ title: 'View findings', link: props.tabPath ?? 'pillarguard' }}
    >
      <PillarBars pillars={scores.pillars} />
      <Box mt={1}>
        <TrendSummary history={value.history} label="Last 30 days" />
        <Typography variant="caption" color="textSecondary" component="p">
          Evaluated {new Date(scores.evaluatedAt).toLocaleString()} · checked {formatAge(scores.ageSeconds)} · {scores.findings.filter((f) => !f.suppressed).length} open finding(s)
        </Typography>
      </Box>
    </InfoCard>
  );
}
