import { campaignsImporter } from '../campaigns/campaigns.importer.ts';
import { orgUnitsImporter } from '../org-units/org-units.importer.ts';
import { childrenImporter } from '../children/children.importer.ts';
import { sponsorsImporter } from '../sponsors/sponsors.importer.ts';
import { fvImporter } from '../fv/fv.importer.ts';
import { aidImporter } from '../aid/aid.importer.ts';
import type { Importer } from './importer.ts';

/** Every importable kind. A feature that can be imported adds its importer here (one line). */
export const importers: Importer[] = [
  // One per line, so that features add theirs without touching each other's lines.
  orgUnitsImporter,
  campaignsImporter,
  childrenImporter,
  sponsorsImporter,
  fvImporter,
  aidImporter,
];
