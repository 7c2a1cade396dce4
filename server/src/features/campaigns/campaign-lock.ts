import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import { CampaignsRepository, type CampaignRow } from './campaigns.repository.ts';

/** The refusal every change to a closed campaign's records gets: it names the campaign and what to do. */
export function campaignClosed(year: number): AppError {
  return new AppError(409, 'campaign_closed', { key: 'operations:errors.campaignClosed', params: { year } });
}

export function campaignMissing(year: number): AppError {
  return new AppError(422, 'campaign_missing', {
    key: 'operations:errors.campaignMissing',
    params: { year },
  });
}

/**
 * The campaign of `year` that applies to the school at `path`, refused when it is closed. With `required` a school
 * without a campaign that year is refused too; otherwise such records simply belong to no campaign.
 */
export async function openCampaignFor(
  db: Kysely<DB>,
  path: string,
  year: number,
  opts: { required: boolean },
): Promise<CampaignRow | undefined> {
  const campaign = await new CampaignsRepository(db).findEffective(path, year);
  if (!campaign) {
    if (opts.required) throw campaignMissing(year);
    return undefined;
  }
  if (campaign.status === 'closed') throw campaignClosed(campaign.year);
  return campaign;
}

/** Refuses a change to a record of a campaign that is closed. */
export async function assertCampaignOpen(db: Kysely<DB>, campaignId: string | null): Promise<void> {
  if (!campaignId) return;
  const campaign = await new CampaignsRepository(db).findById(campaignId);
  if (campaign?.status === 'closed') throw campaignClosed(campaign.year);
}
