import { policy } from '../../access/policy.ts';
import { v7 as uuidv7 } from 'uuid';
import { parseDateInput } from '#domain/dates';
import { AuditRepository } from '../audit/audit.repository.ts';
import type { Importer, ImportContext, RowIssue } from '../import/importer.ts';
import { OrgUnitsRepository, type OrgUnitRow } from '../org-units/org-units.repository.ts';
import { campaignClosed } from './campaign-lock.ts';
import { CampaignsRepository } from './campaigns.repository.ts';
import { mayManageCampaign } from './campaigns.service.ts';

export interface CampaignImportRow {
  unitId: string;
  path: string;
  year: number;
  from: string;
  to: string;
  mottoRu: string | null;
  mottoKk: string | null;
}

/** The unit the rows are for: `--org`, or the viewer's own unit (the whole tree for an admin). */
async function targetUnit(ic: ImportContext): Promise<OrgUnitRow | undefined> {
  const units = new OrgUnitsRepository(ic.db);
  const { viewer } = ic.ctx;
  if (ic.options.orgCode) return units.findByCode(ic.options.orgCode, policy.scope(viewer, 'unit.read'));
  if (viewer.orgUnitId) return units.findById(viewer.orgUnitId, policy.scope(viewer, 'unit.read'));
  const root = await units.findRoot();
  return root ? units.findById(root.id, policy.scope(viewer, 'unit.read')) : undefined;
}

function dateCell(text: string, fallback: string): { date?: string; error?: boolean } {
  if (!text) return { date: fallback };
  const parsed = parseDateInput(text);
  return parsed.ok ? { date: parsed.date } : { error: true };
}

/** `Год; Начало; Окончание; Девиз (рус); Девиз (каз)` — campaigns of a unit, matched by unit and year. */
export const campaignsImporter: Importer<CampaignImportRow> = {
  kind: 'campaigns',
  action: 'campaign.manage',
  columns: [
    { key: 'year', headers: ['Год', 'Жыл', 'Year'], required: true },
    { key: 'from', headers: ['Начало', 'Басталуы', 'Start', 'From'], required: false },
    { key: 'to', headers: ['Окончание', 'Аяқталуы', 'End', 'To'], required: false },
    { key: 'mottoRu', headers: ['Девиз (рус)', 'Ұран (орыс)', 'Motto (ru)'], required: false },
    { key: 'mottoKk', headers: ['Девиз (каз)', 'Ұран (қаз)', 'Motto (kk)'], required: false },
  ],

  async validate(cells, _rowNumber, ic) {
    const errors: RowIssue[] = [];
    const year = Number(cells.year);
    if (!/^\d{4}$/.test(cells.year ?? '') || year < 2000 || year > 2100) {
      return { ok: false, errors: [{ field: 'year', message: { key: 'operations:errors.importYear' } }] };
    }
    const from = dateCell(cells.from ?? '', `${year}-08-01`);
    const to = dateCell(cells.to ?? '', `${year}-09-30`);
    if (from.error) errors.push({ field: 'from', message: { key: 'operations:errors.importDate' } });
    if (to.error) errors.push({ field: 'to', message: { key: 'operations:errors.importDate' } });
    if (from.date && Number(from.date.slice(0, 4)) !== year) {
      errors.push({ field: 'from', message: { key: 'operations:errors.dateOutsideYear', params: { year } } });
    }
    if (from.date && to.date && to.date < from.date) {
      errors.push({ field: 'to', message: { key: 'operations:errors.endBeforeStart' } });
    }
    const unit = await targetUnit(ic);
    if (!unit) {
      const code = ic.options.orgCode;
      errors.push({
        field: '_',
        message: code
          ? { key: 'operations:errors.importOrg', params: { code } }
          : { key: 'operations:errors.importNoOrg' },
      });
    } else if (!mayManageCampaign(ic.ctx.viewer, unit.path)) {
      errors.push({ field: '_', message: { key: 'errors:forbidden' } });
    } else {
      const existing = await new CampaignsRepository(ic.db).findAtOrAbove(unit.path, year);
      if (existing && existing.org_path !== unit.path) {
        errors.push({
          field: 'year',
          message: { key: 'operations:errors.campaignAbove', params: { year, org: existing.org_code } },
        });
      } else if (existing?.status === 'closed') {
        errors.push({ field: 'year', message: campaignClosed(year).msg });
      }
    }
    const seen = (ic.state.get('campaigns.years') as Set<number> | undefined) ?? new Set<number>();
    ic.state.set('campaigns.years', seen);
    if (seen.has(year)) {
      errors.push({
        field: 'year',
        message: { key: 'operations:errors.importDuplicateYear', params: { year } },
      });
    }
    seen.add(year);
    if (errors.length > 0 || !unit) return { ok: false, errors };
    return {
      ok: true,
      value: {
        unitId: unit.id,
        path: unit.path,
        year,
        from: from.date!,
        to: to.date!,
        mottoRu: cells.mottoRu || null,
        mottoKk: cells.mottoKk || null,
      },
    };
  },

  async apply(rows, ic) {
    const repo = new CampaignsRepository(ic.db);
    const audit = new AuditRepository(ic.db);
    const result = { created: 0, updated: 0, unchanged: 0 };
    for (const row of rows) {
      const existing = await repo.findAtOrAbove(row.path, row.year);
      if (existing && existing.org_path === row.path) {
        const changes = {
          ...(existing.date_from !== row.from && { date_from: row.from }),
          ...(existing.date_to !== row.to && { date_to: row.to }),
          ...(row.mottoRu !== null && existing.motto_ru !== row.mottoRu && { motto_ru: row.mottoRu }),
          ...(row.mottoKk !== null && existing.motto_kk !== row.mottoKk && { motto_kk: row.mottoKk }),
        };
        if (Object.keys(changes).length === 0) {
          result.unchanged++;
          continue;
        }
        await repo.update(existing.id, existing.version, changes);
        await audit.write(ic.ctx.viewer, ic.ctx.ip, {
          action: 'update',
          entity: 'campaign',
          entityId: existing.id,
          orgPath: row.path,
          details: { year: row.year, changed: Object.keys(changes), via: 'import' },
        });
        result.updated++;
        continue;
      }
      const now = new Date().toISOString();
      const id = uuidv7();
      await repo.insert({
        id,
        org_unit_id: row.unitId,
        org_path: row.path,
        year: row.year,
        date_from: row.from,
        date_to: row.to,
        motto_ru: row.mottoRu,
        motto_kk: row.mottoKk,
        goals: null,
        status: 'open',
        closed_at: null,
        closed_by: null,
        created_at: now,
        updated_at: now,
      });
      await audit.write(ic.ctx.viewer, ic.ctx.ip, {
        action: 'create',
        entity: 'campaign',
        entityId: id,
        orgPath: row.path,
        details: { year: row.year, via: 'import' },
      });
      result.created++;
    }
    return result;
  },
};
