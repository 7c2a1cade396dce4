import { policy } from '../../access/policy.ts';
import { v7 as uuidv7 } from 'uuid';
import { makeLabelLookup } from '#domain/label-lookup';
import { AppError, conflict } from '../../http/app-error.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { RowReader } from '../import/import-cells.ts';
import type { ImportContext, Importer } from '../import/importer.ts';
import { OrgUnitsRepository } from './org-units.repository.ts';
import { CHILD_TYPE, OrgCode, type OrgUnitType } from './org-units.schema.ts';

// The "org units" template: Код; Код вышестоящего; Тип; Наименование (рус); Наименование (каз). Units are matched
// by code; a parent may be a unit already in the system or a row higher up in the same file.

export interface OrgUnitImportRow {
  code: string;
  parentCode: string | null;
  type: OrgUnitType;
  nameRu: string;
  nameKk: string;
}

export const parseOrgUnitType = makeLabelLookup<OrgUnitType>({
  republic: ['республика', 'republic'],
  // Astana, Almaty and Shymkent are cities of republican significance: they stand where a region does.
  region: [
    'область',
    'облыс',
    'region',
    'oblast',
    'город республиканского значения',
    'республикалық маңызы бар қала',
    'city of republican significance',
  ],
  district: [
    'город/район',
    'город',
    'район',
    'қала/аудан',
    'қала',
    'аудан',
    'city/district',
    'city',
    'district',
  ],
  school: ['школа', 'мектеп', 'school', 'гимназия', 'лицей'],
});

/** Codes of valid rows seen so far in this file, with their type, so that later rows may name them as parent. */
function seenCodes(ic: ImportContext): Map<string, { row: number; type: OrgUnitType }> {
  let seen = ic.state.get('org-units.codes') as Map<string, { row: number; type: OrgUnitType }> | undefined;
  if (!seen) {
    seen = new Map();
    ic.state.set('org-units.codes', seen);
  }
  return seen;
}

export const orgUnitsImporter: Importer<OrgUnitImportRow> = {
  kind: 'org-units',
  action: 'unit.create',
  columns: [
    { key: 'code', headers: ['Код', 'Код', 'Code', 'Код организации', 'Ұйым коды', 'Коды'], required: true },
    {
      key: 'parentCode',
      headers: [
        'Код вышестоящего',
        'Жоғары тұрған ұйымның коды',
        'Parent code',
        'Код вышестоящей организации',
        'Жоғары тұрған ұйым коды',
        'Parent',
      ],
      required: false,
    },
    { key: 'type', headers: ['Тип', 'Түрі', 'Type', 'Тип организации', 'Ұйым түрі'], required: true },
    {
      key: 'nameRu',
      headers: [
        'Наименование (рус)',
        'Атауы (орысша)',
        'Name (Russian)',
        'Наименование',
        'Name (ru)',
        'Атауы (орыс)',
      ],
      required: true,
    },
    {
      key: 'nameKk',
      headers: [
        'Наименование (каз)',
        'Атауы (қазақша)',
        'Name (Kazakh)',
        'Name (kk)',
        'Атауы (қаз)',
        'Атауы',
      ],
      required: true,
    },
  ],
  example: {
    code: 'KRG-KAR-012',
    parentCode: 'KRG-KAR',
    type: 'школа',
    nameRu: 'КГУ «Общеобразовательная школа № 12»',
    nameKk: '«№ 12 жалпы білім беретін мектеп» КММ',
  },

  async validate(cells, rowNumber, ic) {
    const { viewer } = ic.ctx;
    const r = new RowReader(cells);
    const codeText = r.text('code', { required: true, max: 40 });
    const parentText = r.text('parentCode', { max: 40 });
    const typeText = r.text('type', { required: true, max: 60 });
    const nameRu = r.text('nameRu', { required: true, name: true, max: 300 });
    const nameKk = r.text('nameKk', { required: true, name: true, max: 300 });

    const code = codeText === null ? null : OrgCode.safeParse(codeText);
    if (code && !code.success) r.error('code', 'import:orgUnits.code');
    const parent = parentText === null ? null : OrgCode.safeParse(parentText);
    if (parent && !parent.success) r.error('parentCode', 'import:orgUnits.code');
    const type = typeText === null ? undefined : parseOrgUnitType(typeText);
    if (typeText !== null && !type) r.error('type', 'import:orgUnits.type', { value: typeText });

    const seen = seenCodes(ic);
    const repo = new OrgUnitsRepository(ic.db);
    if (code?.success && type) {
      const earlier = seen.get(code.data);
      if (earlier) r.error('code', 'import:cell.duplicate', { row: earlier.row });
      const parentCode = parent?.success ? parent.data : null;
      const existing = await repo.findByCode(code.data, policy.scope(viewer, 'unit.read'));
      if (existing) {
        if (existing.type !== type) r.error('type', 'import:orgUnits.typeChanged', { code: code.data });
        else if (parentCode !== null && existing.parent_code !== parentCode) {
          r.error('parentCode', 'import:orgUnits.moved', {
            code: code.data,
            current: existing.parent_code ?? '—',
          });
        }
      } else if (await repo.existsCode(code.data)) {
        r.error('code', 'import:orgUnits.codeTaken', { code: code.data });
      } else if (type === 'republic') {
        if (parentText !== null) r.error('parentCode', 'import:orgUnits.rootHasNoParent');
        const root = await repo.findRoot();
        if (root) r.error('code', 'import:orgUnits.rootExists', { code: root.code });
      } else if (parentText === null) {
        r.error('parentCode', 'import:orgUnits.parentRequired');
      } else if (parentCode) {
        const parentType =
          seen.get(parentCode)?.type ??
          (await repo.findByCode(parentCode, policy.scope(viewer, 'unit.read')))?.type ??
          null;
        if (!parentType) r.error('parentCode', 'import:orgUnits.parentNotFound', { code: parentCode });
        else if (CHILD_TYPE[parentType] !== type) {
          r.error('type', 'import:orgUnits.wrongType', { parent: parentType, type });
        }
      }
    }
    const result = r.result(() => ({
      code: code!.success ? code!.data : '',
      parentCode: parent?.success ? parent.data : null,
      type: type!,
      nameRu: nameRu!,
      nameKk: nameKk!,
    }));
    if (result.ok) seen.set(result.value.code, { row: rowNumber, type: result.value.type });
    return result;
  },

  async apply(rows, ic) {
    const { viewer } = ic.ctx;
    const repo = new OrgUnitsRepository(ic.db);
    const audit = new AuditRepository(ic.db);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const [i, row] of rows.entries()) {
      ic.progress?.(i);
      const existing = await repo.findByCode(row.code, policy.scope(viewer, 'unit.read'));
      if (existing) {
        if (existing.name_ru === row.nameRu && existing.name_kk === row.nameKk) {
          counts.unchanged++;
          continue;
        }
        const changes = { name_ru: row.nameRu, name_kk: row.nameKk };
        if (!(await repo.update(existing.id, existing.version, changes))) throw conflict();
        await audit.write(viewer, ic.ctx.ip, {
          action: 'update',
          entity: 'org_unit',
          entityId: existing.id,
          orgPath: existing.path,
          details: { changed: Object.keys(changes), via: 'import' },
        });
        counts.updated++;
        continue;
      }
      const parent = row.parentCode
        ? await repo.findByCode(row.parentCode, policy.scope(viewer, 'unit.read'))
        : undefined;
      if (row.parentCode && !parent) {
        throw new AppError(422, 'import_row', {
          key: 'import:orgUnits.parentNotFound',
          params: { code: row.parentCode },
        });
      }
      const id = uuidv7();
      const path = `${parent?.path ?? '/'}${row.code}/`;
      const now = new Date().toISOString();
      await repo.insert({
        id,
        code: row.code,
        parent_id: parent?.id ?? null,
        type: row.type,
        path,
        name_ru: row.nameRu,
        name_kk: row.nameKk,
        name_en: null,
        address: null,
        director: null,
        phone: null,
        hotline: null,
        email: null,
        created_at: now,
        updated_at: now,
      });
      await audit.write(viewer, ic.ctx.ip, {
        action: 'create',
        entity: 'org_unit',
        entityId: id,
        orgPath: path,
        details: { code: row.code, via: 'import' },
      });
      counts.created++;
    }
    return counts;
  },
};
