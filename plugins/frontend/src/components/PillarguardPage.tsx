import React from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Content, Header, Page, ResponseErrorPanel, Table, type TableColumn, type TableOptions, WarningPanel } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityLink } from './EntityLink';
import { pillarguardApiRef } from '../api/PillarguardApi';
import { LEVELS, PILLAR_TITLES, PILLARS, type Level, type Overview, type OverviewQuery, type OverviewRow, type Pillar } from '../api/types';
import { overviewCsv } from './csv';
import { LevelChip } from './LevelChip';
import { BAND_COLOURS, formatAge, formatScore, LEVEL_LABELS, scoreBand } from './scores';

interface Filters {
  owner: string;
  system: string;
  type: string;
  level: Level | '';
  pillar: Pillar | '';
  below: string;
  search: string;
}
const NO_FILTERS: Filters = { owner: '', system: '', type: '', level: '', pillar: '', below: '', search: '' };

function HeatCell(props: { score: number | null; label: string }) {
  const band = scoreBand(props.score);
  return (
    <span
      style={{ display: 'inline-block', minWidth: 40, padding: '2px 6px', borderRadius: 4, textAlign: 'center', color: '#fff', background: BAND_COLOURS[band] }}
      aria-label={`${props.label}: ${props.score === null ? 'no rule applies' : props.score}`}
    >
      {formatScore(props.score)}
    </span>
  );
}

const SORTABLE: Record<string, OverviewQuery['sort']> = { name: 'name', overall: 'overall', level: 'level', findingCount: 'findings', ...Object.fromEntries(PILLARS.map((p) => [`pillars.${p}`, p])) };

// Names, owners and types do not break mid-word: the table scrolls sideways instead.
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const COLUMN_LIST: TableColumn<OverviewRow>[] = [
  { title: 'Entity', field: 'name', cellStyle: NO_WRAP, render: (r) => <EntityLink entityRef={r.ref} title={r.title ?? r.name} /> },
  { title: 'Owner', field: 'owner', sorting: false, cellStyle: NO_WRAP, render: (r) => (r.owner ? <EntityLink entityRef={r.owner} defaultKind="group" /> : '') },
  { title: 'Type', field: 'type', sorting: false, cellStyle: NO_WRAP },
  { title: 'Level', field: 'level', render: (r) => <LevelChip level={r.level} /> },
  { title: 'Overall', field: 'overall', render: (r) => <HeatCell score={r.overall} label="Overall" /> },
  ...PILLARS.map((p): TableColumn<OverviewRow> => ({ title: PILLAR_TITLES[p], field: `pillars.${p}`, render: (r) => <HeatCell score={r.pillars[p]} label={PILLAR_TITLES[p]} /> })),
  { title: 'Open findings', field: 'findingCount', type: 'numeric' },
];

// material-table sorts array data itself; the backend has sorted the page already, so keep its order.
const KEEP_ORDER = () => 0;
const COLUMNS = COLUMN_LIST.map((c) => (c.sorting === false ? c : { ...c, customSort: KEEP_ORDER }));
const TABLE_OPTIONS: TableOptions<OverviewRow> = { search: false, paging: true, pageSize: 25, pageSizeOptions: [25, 50, 100], padding: 'dense', sorting: true, draggable: false };

/** What the table shows: a page of the backend's answer, in its order. */
type View = { page: number; pageSize: number; sort?: OverviewQuery['sort']; order?: 'asc' | 'desc' };

/**
 * The heat-map table, memoised and fed a page of rows (material-table's controlled paging) rather
 * than a data callback: in remote mode material-table renders all 25 × 15 cells in a loading
 * state before it even asks for the data, then again with it; here a filter re-renders the form,
 * the request leaves at once, and the table renders once, with the answer (bench/portal.js).
 */
const OverviewTable = React.memo(function OverviewTable(props: { rows: OverviewRow[]; page: number; total: number; onView: (change: Partial<View>) => void }) {
  const { onView } = props;
  const onPageChange = React.useCallback((page: number, pageSize: number) => onView({ page, pageSize }), [onView]);
  const onOrderChange = React.useCallback(
    (orderBy: number, direction: string) => {
      const field = orderBy >= 0 ? COLUMNS[orderBy]?.field : undefined;
      const sort = typeof field === 'string' && direction ? SORTABLE[field] : undefined;
      onView({ page: 0, sort, order: direction === 'desc' ? 'desc' : 'asc' });
    },
    [onView],
  );
  return <Table<OverviewRow> title="Entities" columns={COLUMNS} options={TABLE_OPTIONS} data={props.rows} page={props.page} totalCount={props.total} onPageChange={onPageChange} onOrderChange={onOrderChange} />;
});

const NO_ROWS: OverviewRow[] = [];

/** Every data-service entity × pillar, filtered and paged by the backend, with a roll-up and a CSV export. */
export function PillarguardPage(props: { title?: string }) {
  // The state lives below Page: Page gives its children a theme made afresh on each of its renders,
  // and a new theme makes every MUI style sheet under it regenerate (3 × per filter change, most
  // of its cost in bench/portal.js). Rendered once, Page keeps one theme.
  return (
    <Page themeId="tool">
      <Header title={props.title ?? 'Pillarguard'} subtitle="Security pillars of AWS data services" />
      <Content>
        <OverviewContent />
      </Content>
    </Page>
  );
}

function OverviewContent() {
  const api = useApi(pillarguardApiRef);
  const alertApi = useApi(alertApiRef);
  const [filters, setFilters] = React.useState<Filters>(NO_FILTERS);
  const [view, setView] = React.useState<View>({ page: 0, pageSize: 25 });
  const [answer, setAnswer] = React.useState<{ overview?: Overview; owner?: string; error?: Error; loading: boolean }>({ loading: true });
  const [exporting, setExporting] = React.useState(false);
  const summary = answer.overview;

  const query = React.useCallback(
    (f: Filters): OverviewQuery => ({
      ...(f.owner ? { owner: f.owner } : {}),
      ...(f.system ? { system: f.system } : {}),
      ...(f.type ? { type: f.type } : {}),
      ...(f.level ? { level: [f.level] } : {}),
      ...(f.pillar ? { pillar: f.pillar } : {}),
      ...(f.below !== '' && Number.isFinite(Number(f.below)) ? { below: Number(f.below) } : {}),
      ...(f.search ? { search: f.search } : {}),
    }),
    [],
  );

  // One request per change of filters, page or sort; an answer to a superseded request is dropped.
  React.useEffect(() => {
    let current = true;
    setAnswer((a) => ({ ...a, loading: true }));
    api
      .getOverview({ ...query(filters), page: view.page + 1, pageSize: view.pageSize, ...(view.sort ? { sort: view.sort, order: view.order } : {}) })
      .then(
        // The roll-up names the owner this answer is for, not one typed since.
        (overview) => current && setAnswer({ overview, owner: filters.owner, loading: false }),
        // No rows of an earlier query beside the error: they would pass for this one's.
        (error: Error) => current && setAnswer({ error, loading: false }),
      );
    return () => {
      current = false;
    };
  }, [api, query, filters, view]);

  // An unchanged view keeps its object, so it asks the backend nothing.
  const onView = React.useCallback(
    (change: Partial<View>) => setView((v) => ((Object.keys(change) as (keyof View)[]).every((k) => v[k] === change[k]) ? v : { ...v, ...change })),
    [],
  );

  // A new filter starts on the first page.
  const set = (k: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    setFilters((f) => ({ ...f, [k]: value }));
    setView((v) => ({ ...v, page: 0 }));
  };
  const clear = () => {
    setFilters(NO_FILTERS);
    setView((v) => ({ ...v, page: 0 }));
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows: OverviewRow[] = [];
      for (let page = 1; ; page++) {
        const res = await api.getOverview({ ...query(filters), page, pageSize: 500, sort: 'name' });
        rows.push(...res.items);
        if (rows.length >= res.total || res.items.length === 0) break;
      }
      const url = URL.createObjectURL(new Blob([overviewCsv(rows)], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'pillarguard-overview.csv';
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      alertApi.post({ message: `CSV export failed: ${e instanceof Error ? e.message : String(e)}`, severity: 'error', display: 'transient' });
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      {summary?.stale && <WarningPanel severity="warning" title={`Scores are stale: the last good refresh was ${formatAge(summary.ageSeconds)}.`} />}
      {/* On a Paper, not the page's grey: MUI's outlined label grey is 4.47:1 on #f5f5f5 (axe, WCAG AA 4.5:1) and 4.8:1 on white. */}
      <Paper component="form" role="search" aria-label="Filter entities" style={{ padding: 16, marginBottom: 16 }} onSubmit={(e: React.FormEvent) => e.preventDefault()}>
        <Grid container spacing={2} alignItems="center">
          <Grid item><TextField id="pillarguard-filter-search" label="Search" value={filters.search} onChange={set('search')} size="small" variant="outlined" /></Grid>
          <Grid item><TextField id="pillarguard-filter-owner" label="Owner" placeholder="team-orders" value={filters.owner} onChange={set('owner')} size="small" variant="outlined" /></Grid>
          <Grid item><TextField id="pillarguard-filter-system" label="System" value={filters.system} onChange={set('system')} size="small" variant="outlined" /></Grid>
          <Grid item><TextField id="pillarguard-filter-type" label="Service type" placeholder="dynamodb-table" value={filters.type} onChange={set('type')} size="small" variant="outlined" /></Grid>
          <Grid item>
            <TextField select id="pillarguard-filter-level" label="Level" value={filters.level} onChange={set('level')} size="small" variant="outlined" style={{ minWidth: 120 }}>
              <MenuItem value="">Any</MenuItem>
              {LEVELS.map((l) => <MenuItem key={l} value={l}>{LEVEL_LABELS[l]}</MenuItem>)}
            </TextField>
          </Grid>
          <Grid item>
            <TextField select id="pillarguard-filter-pillar" label="Pillar" value={filters.pillar} onChange={set('pillar')} size="small" variant="outlined" style={{ minWidth: 170 }}>
              <MenuItem value="">Overall</MenuItem>
              {PILLARS.map((p) => <MenuItem key={p} value={p}>{PILLAR_TITLES[p]}</MenuItem>)}
            </TextField>
          </Grid>
          <Grid item><TextField id="pillarguard-filter-below" label="Score below" type="number" inputProps={{ min: 0, max: 100 }} value={filters.below} onChange={set('below')} size="small" variant="outlined" style={{ width: 130 }} /></Grid>
          <Grid item><Button variant="outlined" onClick={clear}>Clear</Button></Grid>
          <Grid item><Button variant="contained" color="primary" onClick={exportCsv} disabled={exporting}>{exporting ? 'Exporting…' : 'Export CSV'}</Button></Grid>
        </Grid>
      </Paper>
      {summary && (
        <Box mb={2} aria-live="polite" data-testid="rollup">
          <Typography variant="body2">
            {summary.summary.entities} entities{answer.owner ? ` owned by ${answer.owner}` : ''} · overall average {summary.summary.overall === null ? 'n/a' : summary.summary.overall.toFixed(1)} ·{' '}
            {LEVELS.map((l) => `${LEVEL_LABELS[l]} ${summary.summary.levels[l]}`).join(' · ')} · {summary.summary.findings} open findings
          </Typography>
        </Box>
      )}
      {answer.error && <ResponseErrorPanel error={answer.error} />}
      <Box height={4} mb={0.5}>{answer.loading && <LinearProgress aria-label="Loading entities" />}</Box>
      <OverviewTable rows={answer.overview?.items ?? NO_ROWS} page={answer.overview ? answer.overview.page - 1 : 0} total={answer.overview?.total ?? 0} onView={onView} />
    </>
  );
}
