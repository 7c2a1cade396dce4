import { policy } from '../../access/policy.ts';
import { v7 as uuidv7 } from 'uuid';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { SPONSOR_TYPE_VOCABULARY, type SponsorType } from '#domain/sponsor-types';
import { AuditRepository } from '../audit/audit.repository.ts';
import { RowReader } from '../import/import-cells.ts';
import type { Importer, ImportContext } from '../import/importer.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import { SponsorsRepository } from './sponsors.repository.ts';
import { sponsorNameKey } from './sponsors.service.ts';

export interface SponsorImportRow {
  unitId: string;
  path: string;
  name: string;
  nameKey: string;
  type: SponsorType;
  head: string | null;
  phone: string | null;
}

const unitOf = (ic: ImportContext) =>
  new OrgUnitsRepository(ic.db).findByCode(
    ic.options.orgCode ?? ic.ctx.viewer.orgCode,
    policy.scope(ic.ctx.viewer, 'unit.read'),
  );

/** `Наименование; Тип; Руководитель; Телефон` — sponsors of the chosen unit, matched by name within it. */
export const sponsorsImporter: Importer<SponsorImportRow> = {
  kind: 'sponsors',
  needsUnit: true,
  action: 'sponsor.write',
  columns: [
    { key: 'name', headers: ['Наименование', 'Атауы', 'Name', 'Спонсор'], required: true },
    { key: 'type', headers: ['Тип', 'Түрі', 'Type'], required: true },
    { key: 'head', headers: ['Руководитель', 'Басшысы', 'Head', 'Контактное лицо'], required: false },
    { key: 'phone', headers: ['Телефон', 'Phone'], required: false },
  ],
  example: {
    name: 'ТОО «Караганда Строй»',
    type: 'компания',
    head: 'Ахметов Бауыржан Серикович',
    phone: '+7 701 000 00 00',
  },

  async validate(cells, rowNumber, ic) {
    const r = new RowReader(cells);
    const name = r.text('name', { required: true, name: true, max: 300 });
    const type = r.choice('type', SPONSOR_TYPE_VOCABULARY, {
      required: true,
      names: COMMON_MESSAGES[ic.lang].sponsorType,
    });
    const head = r.text('head', { name: true, max: 200 });
    const phone = r.text('phone', { max: 50 });
    const unit = await unitOf(ic);
    if (!unit) r.error('_', 'help:sponsors.orgNotFound');
    if (name) {
      const seen =
        (ic.state.get('sponsors.names') as Map<string, number> | undefined) ?? new Map<string, number>();
      ic.state.set('sponsors.names', seen);
      const key = sponsorNameKey(name);
      const first = seen.get(key);
      if (first !== undefined) r.error('name', 'import:cell.duplicate', { row: first });
      else seen.set(key, rowNumber);
    }
    return r.result(() => ({
      unitId: unit!.id,
      path: unit!.path,
      name: name!,
      nameKey: sponsorNameKey(name!),
      type: type!,
      head,
      phone,
    }));
  },

  async apply(rows, ic) {
    const repo = new SponsorsRepository(ic.db);
    const audit = new AuditRepository(ic.db);
    const result = { created: 0, updated: 0, unchanged: 0 };
    for (const row of rows) {
      const existing = await repo.findByNameKey(row.unitId, row.nameKey);
      if (existing) {
        const changes = {
          ...(existing.type !== row.type && { type: row.type }),
          ...(row.head !== null && existing.head !== row.head && { head: row.head }),
          ...(row.phone !== null && existing.phone !== row.phone && { phone: row.phone }),
        };
        if (Object.keys(changes).length === 0) {
          result.unchanged++;
          continue;
        }
        await repo.update(existing.id, existing.version, changes);
        await audit.write(ic.ctx.viewer, ic.ctx.ip, {
          action: 'update',
          entity: 'sponsor',
          entityId: existing.id,
          orgPath: row.path,
          details: { changed: Object.keys(changes), via: 'import' },
        });
        result.updated++;
        continue;
      }
      const id = uuidv7();
      const now = new Date().toISOString();
      await repo.insert({
        id,
        org_unit_id: row.unitId,
        org_path: row.path,
        name: row.name,
        name_key: row.nameKey,
        type: row.type,
        head: row.head,
        phone: row.phone,
        email: null,
        address: null,
        notes: null,
        anonymous: 0,
        merged_into: null,
        created_at: now,
        updated_at: now,
      });
      await audit.write(ic.ctx.viewer, ic.ctx.ip, {
        action: 'create',
        entity: 'sponsor',
        entityId: id,
        orgPath: row.path,
        details: { name: row.name, via: 'import' },
      });
      result.created++;
    }
    return result;
  },
};
