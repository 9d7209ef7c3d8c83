// The report list grouped per customer site (same folding as the store's search: NFKC, case-insensitive).
import type { ReportListItem } from '../../api/types';

export interface SiteGroup {
  key: string;
  customer: string;
  site: string;
  reports: ReportListItem[];
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** Groups newest first (by their latest visit); visits within a group newest first. */
export function groupBySite(items: readonly ReportListItem[]): SiteGroup[] {
  const groups = new Map<string, SiteGroup>();
  for (const r of items) {
    const key = `${fold(r.customer)}\u0000${fold(r.site)}`;
    const g = groups.get(key) ?? { key, customer: r.customer, site: r.site, reports: [] };
    g.reports.push(r);
    groups.set(key, g);
  }
  const when = (r: ReportListItem) => r.lastRunAt ?? r.updatedAt;
  const out = [...groups.values()];
  for (const g of out) g.reports.sort((a, b) => when(b).localeCompare(when(a)));
  const latest = (g: SiteGroup) => (g.reports[0] ? when(g.reports[0]) : '');
  return out.sort((a, b) => latest(b).localeCompare(latest(a)));
}
