import { kazakhstanTime } from '#domain/clock';
import { Select, Stack, Tabs, Title, Group } from '@mantine/core';
import { useState } from 'react';
import { useFocusYear } from '../reports/use-focus-year.ts';
import { useTranslation } from 'react-i18next';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { AidRecords } from './aid-records.tsx';
import { FairnessPanel } from './fairness-panel.tsx';
import { FvPanel } from './fv-panel.tsx';
import { HandoverForm } from './handover-form.tsx';
import { PledgesPanel } from './pledges-panel.tsx';

const thisYear = kazakhstanTime().year;
const YEARS = Array.from({ length: thisYear - 2021 + 1 }, (_, i) => String(thisYear + 1 - i));

/** Help for children: hand over aid, the fund of universal education, the records, fairness and pledges. */
export function AidPage() {
  const { t: th } = useTranslation('help');
  const { unit } = useCurrentOrg();
  const focus = useFocusYear(unit.code);
  const [picked, setPicked] = useState<string | null>(null);
  const year = picked ?? String(focus.year);
  const setYear = setPicked;
  const y = Number(year);
  const school = unit.type === 'school';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{th('ui.aid.title')}</Title>
        <Select
          w={120}
          label={th('ui.aid.year')}
          value={year}
          allowDeselect={false}
          onChange={(v) => setYear(v ?? year)}
          data={YEARS}
        />
      </Group>
      <Tabs defaultValue={school ? 'handover' : 'fv'} keepMounted={false}>
        <Tabs.List>
          {school && <Tabs.Tab value="handover">{th('ui.aid.tabs.handover')}</Tabs.Tab>}
          <Tabs.Tab value="fv">{th('ui.aid.tabs.fv')}</Tabs.Tab>
          <Tabs.Tab value="records">{th('ui.aid.tabs.records')}</Tabs.Tab>
          <Tabs.Tab value="fairness">{th('ui.aid.tabs.fairness')}</Tabs.Tab>
          <Tabs.Tab value="pledges">{th('ui.aid.tabs.pledges')}</Tabs.Tab>
        </Tabs.List>
        {school && (
          <Tabs.Panel value="handover" pt="md">
            <HandoverForm key={`${unit.code}-${year}`} org={unit.code} year={y} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="fv" pt="md">
          <FvPanel org={unit.code} year={y} />
        </Tabs.Panel>
        <Tabs.Panel value="records" pt="md">
          <AidRecords org={unit.code} year={y} />
        </Tabs.Panel>
        <Tabs.Panel value="fairness" pt="md">
          <FairnessPanel org={unit.code} year={y} />
        </Tabs.Panel>
        <Tabs.Panel value="pledges" pt="md">
          <PledgesPanel org={unit.code} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
