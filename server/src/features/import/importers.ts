import { campaignsImporter } from '../campaigns/campaigns.importer.ts';
import type { Importer } from './importer.ts';

/** Every importable kind. A feature that can be imported adds its importer here (one line). */
export const importers: Importer[] = [
  campaignsImporter,
];
