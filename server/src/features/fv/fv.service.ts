import { kazakhstanTime } from '#domain/clock';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Lang } from '#domain/lang';
import { formatTenge } from '#domain/money';
import type { Database } from '../../db/engine.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import { FvRepository } from './fv.repository.ts';
import type { FvListDto, FvPut, FvRowDto, PmDto, PmPut } from './fv.schema.ts';
import { mayAllocateFv } from './help-access.ts';
import { tengeInput } from './tenge-input.ts';

export interface FvBalance {
  allocated: number;
  used: number;
  left: number;
}

/** The campaign year a date falls in; aid and allocations are counted per calendar year. */
export const yearOf = (date: string) => Number(date.slice(0, 4));

/** The ФВ allocation of each school and year, and the subsistence minimum (PM) per year. */
export class FvService {
  constructor(private readonly database: Database) {}

  async pmList(): Promise<PmDto[]> {
    const rows = await new FvRepository(this.database.db).pmList();
    return rows.map((r) => ({ year: r.year, amount: Number(r.amount), version: r.version }));
  }

  async pm(year: number, db: Kysely<DB> = this.database.db): Promise<number | null> {
    const row = await new FvRepository(db).pm(year);
    return row ? Number(row.amount) : null;
  }

  async putPm(ctx: RequestContext, year: number, input: PmPut): Promise<PmDto> {
    if (ctx.viewer.role !== 'admin') throw forbidden();
    const amount = tengeInput('amount', input.amount, { positive: true });
    return this.database.db.transaction().execute(async (trx) => {
      const repo = new FvRepository(trx);
      const current = await repo.pm(year);
      if (!current) await repo.insertPm(year, amount);
      else if (input.version === undefined || !(await repo.updatePm(year, amount, input.version))) {
        throw conflict({ year, amount: Number(current.amount), version: current.version });
      }
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: current ? 'update' : 'create',
        entity: 'subsistence_minimum',
        entityId: String(year),
        details: { amount, before: current ? Number(current.amount) : null },
      });
      const row = (await repo.pm(year))!;
      return { year, amount: Number(row.amount), version: row.version };
    });
  }

  async list(ctx: RequestContext, query: { org?: string; year?: number }): Promise<FvListDto> {
    const year = query.year ?? kazakhstanTime().year;
    const units = new OrgUnitsRepository(this.database.db);
    let scope = ctx.viewer.orgPath;
    if (query.org) {
      const unit = await units.findByCode(query.org, ctx.viewer.orgPath);
      if (!unit) throw notFound();
      scope = unit.path;
    }
    const repo = new FvRepository(this.database.db);
    const [schools, usage, pm] = await Promise.all([
      repo.schools(scope, year),
      repo.usage(scope, year),
      this.pm(year),
    ]);
    const byUnit = new Map(usage.map((u) => [u.org_unit_id, u]));
    const items: FvRowDto[] = schools.map((s) => {
      const u = byUnit.get(s.id);
      const allocated = s.allocated === null ? null : Number(s.allocated);
      const decided = u?.decided ?? 0;
      return {
        orgCode: s.code,
        orgNameRu: s.name_ru,
        orgNameKk: s.name_kk,
        year,
        allocated,
        decided,
        paid: u?.paid ?? 0,
        left: (allocated ?? 0) - decided,
        students: u?.students ?? 0,
        version: s.version,
      };
    });
    const sum = (f: (r: FvRowDto) => number) => items.reduce((acc, r) => acc + f(r), 0);
    return {
      year,
      pm,
      items,
      total: {
        allocated: sum((r) => r.allocated ?? 0),
        decided: sum((r) => r.decided),
        paid: sum((r) => r.paid),
        left: sum((r) => r.left),
        students: sum((r) => r.students),
      },
    };
  }

  /** Records or changes a school's allocation; it may not drop below what has already been decided. */
  async put(ctx: RequestContext, orgCode: string, year: number, input: FvPut, lang: Lang): Promise<FvRowDto> {
    const allocated = tengeInput('allocated', input.allocated);
    await this.database.db.transaction().execute(async (trx) => {
      const unit = await new OrgUnitsRepository(trx).findByCode(orgCode, ctx.viewer.orgPath);
      if (!unit) throw notFound();
      if (unit.type !== 'school') throw invalid({ org: { key: 'help:fv.notSchool' } });
      if (!mayAllocateFv(ctx.viewer, unit)) throw forbidden();
      const repo = new FvRepository(trx);
      const current = await repo.allocationForSpending(unit.id, year);
      const used = (await repo.usage(unit.path, year, unit.id))[0]?.decided ?? 0;
      if (allocated < used) {
        const params = { allocated: formatTenge(allocated, lang), used: formatTenge(used, lang) };
        throw new AppError(
          400,
          'invalid_input',
          { key: 'help:fv.belowDecided', params },
          { allocated: { key: 'help:fv.belowDecided', params } },
        );
      }
      if (!current) {
        if (input.version !== undefined) throw conflict();
        await repo.insertAllocation({
          id: uuidv7(),
          org_unit_id: unit.id,
          org_path: unit.path,
          year,
          allocated,
        });
      } else if (
        input.version === undefined ||
        !(await repo.updateAllocation(current.id, allocated, input.version))
      ) {
        throw conflict({ allocated: Number(current.allocated), version: current.version });
      }
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: current ? 'update' : 'create',
        entity: 'fv_allocation',
        entityId: `${unit.code}/${year}`,
        orgPath: unit.path,
        details: { year, allocated, before: current ? Number(current.allocated) : null },
      });
    });
    const list = await this.list(ctx, { org: orgCode, year });
    return list.items[0]!;
  }

  /** What is left of a school's allocation, read under the allocation's lock inside the caller's transaction. */
  async balanceForSpending(
    trx: Kysely<DB>,
    unit: { id: string; path: string },
    year: number,
  ): Promise<FvBalance> {
    const repo = new FvRepository(trx);
    const allocation = await repo.allocationForSpending(unit.id, year);
    const used = (await repo.usage(unit.path, year, unit.id))[0]?.decided ?? 0;
    const allocated = allocation ? Number(allocation.allocated) : 0;
    return { allocated, used, left: allocated - used };
  }
}
