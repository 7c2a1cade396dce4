// A unit above schools is reported over the union of its schools' records. Adding up the schools' figures
// instead would count twice a child helped in two schools (or a sponsor helping several), so the records are
// merged first and the figures computed once.
import type { ReportChild, ReportInput } from './report-input.ts';

/** The input itself when it is a school, else all schools below it (depth first, in order). */
export function leafInputs(input: ReportInput): ReportInput[] {
  const units = input.units ?? [];
  return units.length === 0 ? [input] : units.flatMap(leafInputs);
}

function unionById<T extends { id: string }>(lists: readonly (readonly T[])[]): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const list of lists) {
    for (const row of list) {
      // The same record can reach a parent through two paths (a sponsor shared by schools); keep the first.
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      result.push(row);
    }
  }
  return result;
}

/** Children by id; a child's own record wins over a copy kept where it was helped before it moved. */
function unionChildren(lists: readonly (readonly ReportChild[])[]): ReportChild[] {
  const byId = new Map<string, ReportChild>();
  for (const list of lists) {
    for (const child of list) {
      const seen = byId.get(child.id);
      if (!seen || (seen.movedOut && !child.movedOut)) byId.set(child.id, child);
    }
  }
  return [...byId.values()];
}

/**
 * Flattens a unit and everything below it into one input with the union of all records (each record once, by
 * id) and no units. The unit's own org and campaign are kept; stand and booklets are true/merged if any
 * school has them.
 */
export function rollUp(input: ReportInput): ReportInput {
  const all: ReportInput[] = [];
  const visit = (node: ReportInput) => {
    all.push(node);
    for (const unit of node.units ?? []) visit(unit);
  };
  visit(input);
  const languages = new Set(all.flatMap((node) => node.booklets.languages));
  return {
    org: input.org,
    campaign: input.campaign,
    children: unionChildren(all.map((n) => n.children)),
    sponsors: unionById(all.map((n) => n.sponsors)),
    aid: unionById(all.map((n) => n.aid)),
    raids: unionById(all.map((n) => n.raids)),
    hotline: unionById(all.map((n) => n.hotline)),
    plan: unionById(all.map((n) => n.plan)),
    stand: all.some((n) => n.stand),
    booklets: { languages: [...languages] },
    units: [],
  };
}
