import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../api/types.ts';
import { orgUnitName } from './org-unit-name.ts';
import { useOrgUnitOptions } from './org-units.api.ts';

type PassThrough = Omit<
  SelectProps,
  'value' | 'onChange' | 'data' | 'searchValue' | 'onSearchChange' | 'filter'
>;

interface OrgUnitSelectProps extends PassThrough {
  /** Search within this unit and below. */
  scope: string;
  value: OrgUnit | null;
  onChange: (unit: OrgUnit | null) => void;
  /** Units that must not be offered (e.g. a unit as its own parent). */
  exclude?: (unit: OrgUnit) => boolean;
}

/** Picks an org unit; the search runs on the server, so a region with hundreds of schools stays quick. */
export function OrgUnitSelect({ scope, value, onChange, exclude, ...rest }: OrgUnitSelectProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const selectedLabel = value ? label(value, lang) : '';
  // While closed the input shows the selected label; that is not a search.
  const query = open && search !== selectedLabel ? search : '';
  const [debounced] = useDebouncedValue(query, 250);
  const options = useOrgUnitOptions(scope, debounced, open || value === null);

  const units = useMemo(() => {
    const list = (options.data ?? []).filter((unit) => !exclude?.(unit));
    if (value && !list.some((unit) => unit.code === value.code)) list.unshift(value);
    return list;
  }, [options.data, value, exclude]);

  return (
    <Select
      {...rest}
      searchable
      value={value?.code ?? null}
      data={units.map((unit) => ({ value: unit.code, label: label(unit, lang) }))}
      onChange={(code) => onChange(units.find((unit) => unit.code === code) ?? null)}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpen(true)}
      onDropdownClose={() => setOpen(false)}
      filter={({ options: parsed }) => parsed}
      nothingFoundMessage={t('orgSwitcher.nothingFound')}
    />
  );
}

function label(unit: OrgUnit, lang: string): string {
  return `${orgUnitName(unit, lang)} (${unit.code})`;
}
