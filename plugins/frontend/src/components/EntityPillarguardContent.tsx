import React from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress, ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { pillarguardRefreshPermission } from '@pillarguard/backstage-plugin-common';
import { pillarguardApiRef } from '../api/PillarguardApi';
import { PILLAR_TITLES, PILLARS } from '../api/types';
import { CARD_TITLE } from './headings';
import { ComplianceTable } from './ComplianceTable';
import { NoScores } from './EmptyStates';
import { FindingsByPillar } from './FindingsByPillar';
import { LevelChip, StaleChip } from './LevelChip';
import { PillarBars } from './PillarBars';
import { formatAge, formatScore } from './scores';
import { TrendSummary } from './TrendSummary';
import { useEntityName, useEntityScores, useHasAwsAnnotations } from './useEntityScores';

/** Refresh now: shown to those the permission policy allows (pillarguard.refresh on this entity). */
function RefreshButton(props: { onDone: () => void }) {
  const { entity } = useEntity();
  const api = useApi(pillarguardApiRef);
  const alertApi = useApi(alertApiRef);
  const name = useEntityName();
  const { allowed } = usePermission({ permission: pillarguardRefreshPermission, resourceRef: stringifyEntityRef(entity) });
  const [busy, setBusy] = React.useState(false);
  if (!allowed) return null;
  const run = async () => {
    setBusy(true);
    try {
      const result = await api.refresh(name);
      if (result.refresh.ok) alertApi.post({ message: 'Pillarguard scores refreshed', severity: 'success', display: 'transient' });
      else alertApi.post({ message: `Refresh failed; the last good scores stay: ${result.refresh.problems.join('; ')}`, severity: 'warning' });
      props.onDone();
    } catch (e) {
      alertApi.post({ message: `Refresh failed: ${(e as Error).message}`, severity: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" color="primary" onClick={run} disabled={busy}>
      {busy ? 'Refreshing…' : 'Refresh now'}
    </Button>
  );
}

/**
 * The Pillarguard tab: findings grouped by pillar (severity, resource, failing property, why,
 * CloudFormation and Terraform fixes to copy), AWS Config rule compliance beside them, a history
 * per pillar, and a refresh for those allowed.
 */
export function EntityPillarguardContent() {
  const { value, loading, error, retry } = useEntityScores(90);
  const hasAnnotations = useHasAwsAnnotations();
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const scores = value?.scores;
  if (!scores) return <NoScores hasAnnotations={hasAnnotations} headingLevel={2} />;
  return (
    <Grid container spacing={3}>
      {scores.stale && (
        <Grid item xs={12}>
          <WarningPanel severity="warning" title={`These scores are stale: the last good refresh was ${formatAge(scores.ageSeconds)}.`} message="AWS Config could not be read since then; the scores shown are the last good ones." />
        </Grid>
      )}
      {scores.problems.length > 0 && (
        <Grid item xs={12}>
          <WarningPanel severity="info" title="Annotation problems" message={scores.problems.join('\n')} />
        </Grid>
      )}
      <Grid item xs={12} md={5}>
        <InfoCard title="Scores" {...CARD_TITLE}>
          <Box display="flex" alignItems="center" mb={2} style={{ gap: 8 }} flexWrap="wrap">
            <LevelChip level={scores.level} size="medium" />
            <Typography variant="h6" component="span" data-testid="overall-score">
              Overall {formatScore(scores.overall)}
            </Typography>
            {scores.stale && <StaleChip ageText={formatAge(scores.ageSeconds)} />}
            <Box flexGrow={1} />
            <RefreshButton onDone={retry} />
          </Box>
          <PillarBars pillars={scores.pillars} />
          <Typography variant="caption" color="textSecondary" component="p">
            Evaluated {new Date(scores.evaluatedAt).toLocaleString()} · {scores.resources.length} resource(s)
            {scores.rolledUp.length > 0 ? ` rolled up from ${scores.rolledUp.length} entit${scores.rolledUp.length === 1 ? 'y' : 'ies'}` : ''}
          </Typography>
        </InfoCard>
        <Box mt={3}>
          <InfoCard title="History (90 days)" {...CARD_TITLE}>
            <TrendSummary history={value.history} label="Overall" />
            {PILLARS.map((p) => (
              <TrendSummary key={p} history={value.history} pillar={p} label={PILLAR_TITLES[p]} />
            ))}
          </InfoCard>
        </Box>
      </Grid>
      <Grid item xs={12} md={7}>
        <InfoCard title={`Findings (${scores.findings.filter((f) => !f.suppressed).length} open)`} {...CARD_TITLE}>
          <FindingsByPillar findings={scores.findings} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <ComplianceTable compliance={scores.compliance} />
      </Grid>
    </Grid>
  );
}
