import { formatTenge } from '#domain/money';
import { policy } from '../../access/policy.ts';
import { v7 as uuidv7 } from 'uuid';
import { AuditRepository } from '../audit/audit.repository.ts';
import { RowReader } from '../import/import-cells.ts';
import type { Importer } from '../import/importer.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import { FvRepository } from './fv.repository.ts';
import { mayAllocateFv } from './help-access.ts';

export interface FvImportRow {
  unitId: string;
  path: string;
  code: string;
  year: number;
  allocated: number;
}

/** `Школа (код); Год; Выделено` — each school's ФВ allocation for a year, matched by school and year. */
export const fvImporter: Importer<FvImportRow> = {
  kind: 'fv',
  action: 'fv.allocate',
  columns: [
    {
      key: 'school',
      headers: ['Школа (код)', 'Мектеп (коды)', 'School (code)', 'Код школы'],
      required: true,
    },
    { key: 'year', headers: ['Год', 'Жыл', 'Year'], required: true },
    { key: 'allocated', headers: ['Выделено', 'Бөлінді', 'Allocated'], required: true },
  ],
  example: { school: 'KRG-KAR-012', year: '2025', allocated: '1 196 448' },

  async validate(cells, rowNumber, ic) {
    const r = new RowReader(cells);
    const code = r.text('school', { required: true, max: 40 });
    const year = r.year('year', { required: true });
    const allocated = r.tenge('allocated', { required: true });
    const unit = code
      ? await new OrgUnitsRepository(ic.db).findByCode(code, policy.scope(ic.ctx.viewer, 'unit.read'))
      : undefined;
    if (code && !unit) r.error('school', 'import:cell.schoolNotFound', { value: code });
    else if (unit && unit.type !== 'school') r.error('school', 'help:fv.notSchool');
    else if (unit && !mayAllocateFv(ic.ctx.viewer, unit)) r.error('_', 'errors:forbidden');
    if (unit && year !== null) {
      const seen = (ic.state.get('fv.keys') as Map<string, number> | undefined) ?? new Map<string, number>();
      ic.state.set('fv.keys', seen);
      const key = `${unit.id}/${year}`;
      const first = seen.get(key);
      if (first !== undefined) r.error('school', 'import:cell.duplicate', { row: first });
      else seen.set(key, rowNumber);
      const used =
        (await new FvRepository(ic.db).usage(policy.everywhere('fv.read', 'operator'), year, unit.id))[0]
          ?.decided ?? 0;
      if (allocated !== null && allocated < used) {
        r.error('allocated', 'help:fv.belowDecided', {
          allocated: formatTenge(allocated, ic.lang),
          used: formatTenge(used, ic.lang),
        });
      }
    }
    return r.result(() => ({
      unitId: unit!.id,
      path: unit!.path,
      code: unit!.code,
      year: year!,
      allocated: allocated!,
    }));
  },

  async apply(rows, ic) {
    const repo = new FvRepository(ic.db);
    const audit = new AuditRepository(ic.db);
    const result = { created: 0, updated: 0, unchanged: 0 };
    for (const row of rows) {
      const existing = await repo.allocation(row.unitId, row.year);
      if (existing && Number(existing.allocated) === row.allocated) {
        result.unchanged++;
        continue;
      }
      if (existing) await repo.updateAllocation(existing.id, row.allocated, existing.version);
      else {
        await repo.insertAllocation({
          id: uuidv7(),
          org_unit_id: row.unitId,
          org_path: row.path,
          year: row.year,
          allocated: row.allocated,
        });
      }
      await audit.write(ic.ctx.viewer, ic.ctx.ip, {
        action: existing ? 'update' : 'create',
        entity: 'fv_allocation',
        entityId: `${row.code}/${row.year}`,
        orgPath: row.path,
        details: { year: row.year, allocated: row.allocated, via: 'import' },
      });
      if (existing) result.updated++;
      else result.created++;
    }
    return result;
  },
};
