import { PILLARS, type OverviewRow } from '../api/types';

/**
 * One CSV cell: quoted when needed, and with a leading quote when it starts like a formula, so a
 * spreadsheet never evaluates text that came from a catalog entity (CSV injection).
 */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function overviewCsv(rows: readonly OverviewRow[]): string {
  const header = ['entity', 'title', 'owner', 'system', 'type', 'level', 'overall', ...PILLARS, 'findings', 'critical', 'high', 'evaluatedAt'];
  const lines = rows.map((r) => [r.ref, r.title, r.owner, r.system, r.type, r.level, r.overall, ...PILLARS.map((p) => r.pillars[p]), r.findingCount, r.criticalCount, r.highCount, r.evaluatedAt].map(csvCell).join(','));
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
