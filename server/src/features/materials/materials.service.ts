import { v7 as uuidv7 } from 'uuid';
import type { Lang } from '#domain/lang';
import { policy } from '../../access/policy.ts';
import type { Database } from '../../db/engine.ts';
import { conflict, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { campaignClosed, campaignMissing } from '../campaigns/campaign-lock.ts';
import { CampaignsRepository } from '../campaigns/campaigns.repository.ts';
import { writableSchool } from '../campaigns/school-writer.ts';
import { OrgUnitsRepository } from '../org-units/org-units.repository.ts';
import {
  buildContent,
  datesLine,
  defaultTexts,
  mergeTexts,
  type MaterialContent,
  type MaterialSource,
} from './material-content.ts';
import { renderBooklet, renderPoster } from './materials-pdf.ts';
import { MaterialsRepository } from './materials.repository.ts';
import { TEXT_KEYS, type MaterialTexts, type MaterialsDto, type MaterialsSave } from './materials.schema.ts';

export class MaterialsService {
  constructor(private readonly database: Database) {}

  /** The campaign, the unit and the school's own wording behind the materials of a unit (the viewer's own). */
  private async load(ctx: RequestContext, query: { year: number; lang: Lang; org?: string }) {
    const db = this.database.db;
    const units = new OrgUnitsRepository(db);
    const visible = policy.scope(ctx.viewer, 'materials.read');
    const unit = query.org
      ? await units.findByCode(query.org, visible)
      : await units.findById(ctx.viewer.orgUnitId, visible);
    if (!unit) throw notFound();
    const campaign = await new CampaignsRepository(db).findEffective(unit.path, query.year);
    if (!campaign) throw campaignMissing(query.year);
    const repo = new MaterialsRepository(db);
    const stored = await repo.find(campaign.id, unit.path, query.lang);
    const source: MaterialSource = {
      year: campaign.year,
      from: campaign.date_from,
      to: campaign.date_to,
      mottoRu: campaign.motto_ru,
      mottoKk: campaign.motto_kk,
      school: {
        nameRu: unit.name_ru,
        nameKk: unit.name_kk,
        address: unit.address,
        director: unit.director,
        phone: unit.phone,
        hotline: unit.hotline,
      },
      coordinators: await repo.coordinators(unit.id),
    };
    const overrides = stored ? (JSON.parse(stored.texts) as Partial<MaterialTexts>) : {};
    return { unit, campaign, source, stored, overrides };
  }

  async get(ctx: RequestContext, query: { year: number; lang: Lang; org?: string }): Promise<MaterialsDto> {
    const { campaign, source, stored, overrides } = await this.load(ctx, query);
    const defaults = defaultTexts(source, query.lang);
    const content = buildContent(source, query.lang, mergeTexts(defaults, overrides));
    return {
      year: query.year,
      lang: query.lang,
      campaignStatus: campaign.status,
      texts: content.texts,
      defaults,
      overrides: Object.fromEntries(
        Object.entries(overrides).filter(([, v]) => typeof v === 'string' && v.trim()),
      ),
      categories: content.categories,
      dates: datesLine(source, query.lang),
      version: stored?.version ?? null,
    };
  }

  /** Stores the school's wording of its materials in one language; refused while the campaign is closed. */
  async save(ctx: RequestContext, input: MaterialsSave): Promise<MaterialsDto> {
    await this.database.db.transaction().execute(async (trx) => {
      const school = await writableSchool(trx, ctx.viewer, 'materials.write');
      const campaign = await new CampaignsRepository(trx).findEffective(school.path, input.year);
      if (!campaign) throw campaignMissing(input.year);
      if (campaign.status === 'closed') throw campaignClosed(campaign.year);
      const texts = Object.fromEntries(
        TEXT_KEYS.flatMap((k) => (input.texts[k]?.trim() ? [[k, input.texts[k].trim()]] : [])),
      );
      const repo = new MaterialsRepository(trx);
      const stored = await repo.find(campaign.id, school.path, input.lang);
      if (!stored) {
        if (input.version !== null) throw conflict();
        await repo.insert({
          id: uuidv7(),
          campaign_id: campaign.id,
          org_path: school.path,
          lang: input.lang,
          texts: JSON.stringify(texts),
        });
      } else if (
        input.version === null ||
        !(await repo.update(stored.id, input.version, JSON.stringify(texts)))
      ) {
        throw conflict();
      }
      await new AuditRepository(trx).write(ctx.viewer, ctx.ip, {
        action: 'update',
        entity: 'materials',
        entityId: campaign.id,
        orgPath: school.path,
        details: { lang: input.lang, edited: Object.keys(texts) },
      });
    });
    return this.get(ctx, { year: input.year, lang: input.lang });
  }

  private async content(
    ctx: RequestContext,
    query: { year: number; lang: Lang; org?: string },
  ): Promise<MaterialContent> {
    const { source, overrides } = await this.load(ctx, query);
    return buildContent(source, query.lang, mergeTexts(defaultTexts(source, query.lang), overrides));
  }

  async poster(ctx: RequestContext, query: { year: number; lang: Lang; org?: string }): Promise<Buffer> {
    return renderPoster(await this.content(ctx, query));
  }

  async booklet(ctx: RequestContext, query: { year: number; lang: Lang; org?: string }): Promise<Buffer> {
    return renderBooklet(await this.content(ctx, query));
  }
}
