import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context.tsx';
import { useCurrentOrg } from './current-org.tsx';
import { orgUnitName } from './org-unit-name.ts';
import { OrgUnitSelect } from './org-unit-select.tsx';

/** Which unit the pages show. A school's staff have only their school, so they get its name, not a picker. */
export function OrgSwitcher() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const { unit, select } = useCurrentOrg();

  if (me.orgUnit.type === 'school') {
    return (
      <Text
        size="sm"
        fw={500}
        truncate="end"
        data-testid="org-switcher"
        title={orgUnitName(unit, i18n.language)}
      >
        {orgUnitName(unit, i18n.language)}
      </Text>
    );
  }

  return (
    <OrgUnitSelect
      scope={me.orgUnit.code}
      value={unit}
      onChange={(next) => next && select(next)}
      aria-label={t('orgSwitcher.label')}
      placeholder={t('orgSwitcher.placeholder')}
      data-testid="org-switcher"
      allowDeselect={false}
      size="sm"
      w="100%"
    />
  );
}
