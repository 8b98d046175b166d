import React from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { PILLAR_TITLES, PILLARS, type Finding } from '../api/types';
import { RemediationSnippet } from './RemediationSnippet';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'] as const;
const SEVERITY_COLOURS: Record<Finding['severity'], string> = { critical: '#b71c1c', high: '#bf360c', medium: '#8a4b00', low: '#455a64', info: '#616161' };

function Remediation(props: { finding: Finding }) {
  const [tab, setTab] = React.useState(0);
  const { cloudformation, terraform } = props.finding.remediation;
  if (!cloudformation && !terraform) return null;
  return (
    <Box mt={1}>
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} aria-label={`Remediation for ${props.finding.ruleId}`} indicatorColor="primary" textColor="primary">
        <Tab label="CloudFormation" id={`${props.finding.id}-cfn`} aria-controls={`${props.finding.id}-panel`} />
        <Tab label="Terraform" id={`${props.finding.id}-tf`} aria-controls={`${props.finding.id}-panel`} />
      </Tabs>
      <div role="tabpanel" id={`${props.finding.id}-panel`} aria-labelledby={`${props.finding.id}-${tab === 0 ? 'cfn' : 'tf'}`}>
        <RemediationSnippet text={tab === 0 ? cloudformation : terraform} label={`${tab === 0 ? 'CloudFormation' : 'Terraform'} fix for ${props.finding.ruleId}`} />
      </div>
    </Box>
  );
}

/** One finding: severity, rule, resource, failing property, why it matters, how to fix it. */
function FindingItem(props: { finding: Finding }) {
  const f = props.finding;
  return (
    <Accordion TransitionProps={{ unmountOnExit: true }} data-testid={`finding-${f.ruleId}`}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`${f.id}-details`} id={`${f.id}-summary`}>
        <Box display="flex" alignItems="center" style={{ gap: 8 }} flexWrap="wrap">
          <Chip size="small" label={f.verdict === 'unknown' ? `${f.severity} · unknown` : f.severity} style={{ background: SEVERITY_COLOURS[f.severity], color: '#fff' }} />
          <Typography variant="body2" component="span" style={{ fontWeight: 600 }}>
            {f.title}
          </Typography>
          <Typography variant="body2" component="span" color="textSecondary">
            {f.resource.id}
          </Typography>
          {f.suppressed && <Chip size="small" variant="outlined" label={`suppressed: ${f.suppressed.reason}`} />}
        </Box>
      </AccordionSummary>
      <AccordionDetails id={`${f.id}-details`}>
        <Box width="100%">
          <Typography variant="body2">{f.message}</Typography>
          <Typography variant="body2" color="textSecondary">
            Rule <code>{f.ruleId}</code>
            {f.path && (
              <>
                {' '}· property <code>{f.path}</code>
              </>
            )}
            {' '}· {f.resource.type}
          </Typography>
          {f.rationale && (
            <Typography variant="body2" style={{ marginTop: 8 }}>
              <strong>Why:</strong> {f.rationale}
            </Typography>
          )}
          <Remediation finding={f} />
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}

/** Findings grouped by pillar, the worst first within each. */
export function FindingsByPillar(props: { findings: Finding[] }) {
  // Not Backstage's EmptyState: its h5 title would follow the card's h2 (axe heading-order).
  if (props.findings.length === 0) {
    return (
      <Box>
        <Typography variant="h6" component="h3">
          No findings
        </Typography>
        <Typography variant="body2">Every rule that applies to this entity&apos;s resources passes.</Typography>
      </Box>
    );
  }
  return (
    <>
      {PILLARS.map((p) => {
        const list = props.findings.filter((f) => f.pillar === p).sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
        if (list.length === 0) return null;
        return (
          <Box key={p} mb={2} component="section" aria-labelledby={`findings-${p}`}>
            <Typography variant="h6" component="h3" id={`findings-${p}`}>
              {PILLAR_TITLES[p]} ({list.length})
            </Typography>
            {list.map((f) => (
              <FindingItem key={f.id} finding={f} />
            ))}
          </Box>
        );
      })}
    </>
  );
}
