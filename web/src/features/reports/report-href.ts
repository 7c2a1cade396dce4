/** The report page of a unit for a year, in a language: drill-down links use it. */
export function reportHref(org: string, year: number, lang: string): string {
  return `/reports?${new URLSearchParams({ org, year: String(year), lang }).toString()}`;
}
