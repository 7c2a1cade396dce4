// How a report names its unit and quotes its campaign, shared by the report computed from facts and the
// reference loader.
import type { Lang } from '#domain/lang';
import type { CampaignsTable, OrgUnitsTable } from '../../db/schema.ts';

type Campaign = Pick<CampaignsTable, 'org_path' | 'motto_ru' | 'motto_kk'>;

export function unitName(unit: Pick<OrgUnitsTable, 'name_ru' | 'name_kk' | 'name_en'>, lang: Lang): string {
  if (lang === 'kk') return unit.name_kk || unit.name_ru;
  if (lang === 'en') return unit.name_en ?? unit.name_ru;
  return unit.name_ru;
}

/** The campaign that applies at a path: its own, else the nearest above it. */
export function effectiveCampaign<C extends Campaign>(campaigns: readonly C[], path: string): C | undefined {
  return campaigns
    .filter((c) => path.startsWith(c.org_path))
    .sort((a, b) => b.org_path.length - a.org_path.length)[0];
}

export function mottoOf(row: Campaign, lang: Lang): string | null {
  // The motto is set in Kazakh and Russian; an English report quotes the Russian one.
  return (lang === 'kk' ? (row.motto_kk ?? row.motto_ru) : (row.motto_ru ?? row.motto_kk)) ?? null;
}
