import type { OrgUnit } from '../../api/types.ts';

/** Units carry names in Kazakh and Russian; English readers get the Russian one. */
export function orgUnitName(unit: Pick<OrgUnit, 'nameKk' | 'nameRu' | 'code'>, lang: string): string {
  const preferred = lang === 'kk' ? unit.nameKk : unit.nameRu;
  const other = lang === 'kk' ? unit.nameRu : unit.nameKk;
  return preferred || other || unit.code;
}
