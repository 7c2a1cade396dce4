// Simple bar charts drawn with plain boxes: no chart library, readable on a phone, loaded only with the dashboard.
import { Anchor, Box, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { formatNumber } from '#domain/money';
import type { Lang } from '#domain/lang';
import type { Dashboard } from './reports.types.ts';

const FV_COLOR = 'var(--mantine-color-teal-6)';
const SPONSOR_COLOR = 'var(--mantine-color-orange-5)';

function Bar({ share, color, label }: { share: number; color: string; label: string }) {
  return (
    <Box
      title={label}
      aria-label={label}
      style={{ width: `${Math.max(share * 100, share > 0 ? 1 : 0)}%`, background: color, height: '100%' }}
    />
  );
}

function Legend({ items }: { items: { color: string; label: string }[] }) {
  return (
    <Group gap="md">
      {items.map((item) => (
        <Group key={item.label} gap={6}>
          <Box w={12} h={12} style={{ background: item.color, borderRadius: 2 }} />
          <Text size="xs">{item.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** A row: label on the left, a bar that scales to the largest value, the value on the right. */
function Row({
  label,
  parts,
  max,
  value,
}: {
  label: string;
  parts: { v: number; color: string; label: string }[];
  max: number;
  value: string;
}) {
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Text size="xs" w={{ base: 90, sm: 160 }} truncate="end" title={label}>
        {label}
      </Text>
      <Box style={{ flex: 1, display: 'flex', height: 14, background: 'var(--mantine-color-gray-1)' }}>
        {parts.map((p) => (
          <Bar key={p.label} share={max > 0 ? p.v / max : 0} color={p.color} label={`${p.label}: ${value}`} />
        ))}
      </Box>
      <Text size="xs" w={{ base: 70, sm: 100 }} ta="right">
        {value}
      </Text>
    </Group>
  );
}

export default function DashboardCharts({
  data,
  lang,
  unitHref,
}: {
  data: Dashboard;
  lang: Lang;
  unitHref: (code: string) => string;
}) {
  const { t: tr } = useTranslation('reports');
  const num = (n: number) => formatNumber(n, lang);
  const weekMax = Math.max(0, ...data.weeks.map((w) => w.fv + w.sponsors));
  const catMax = Math.max(0, ...data.categories.map((c) => c.students));
  const unitMax = Math.max(0, ...data.units.map((u) => u.amount));
  const yearMax = Math.max(0, ...data.history.map((h) => h.amount));
  const coverage = data.coverage.listed > 0 ? data.coverage.helped / data.coverage.listed : 0;
  const categoryLabels: Readonly<Record<string, string>> = COMMON_MESSAGES[lang].categoryShort;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="dashboard-charts">
      <Card withBorder>
        <Stack gap={6}>
          <Title order={4}>{tr('ui.dashboard.bySourceWeeks')}</Title>
          <Legend
            items={[
              { color: FV_COLOR, label: tr('ui.dashboard.fv') },
              { color: SPONSOR_COLOR, label: tr('ui.dashboard.sponsors') },
            ]}
          />
          {data.weeks.map((w) => (
            <Row
              key={w.week}
              label={tr('ui.dashboard.week', { n: w.week })}
              max={weekMax}
              value={num(w.fv + w.sponsors)}
              parts={[
                { v: w.fv, color: FV_COLOR, label: tr('ui.dashboard.fv') },
                { v: w.sponsors, color: SPONSOR_COLOR, label: tr('ui.dashboard.sponsors') },
              ]}
            />
          ))}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap={6}>
          <Title order={4}>{tr('ui.dashboard.coverage')}</Title>
          <Progress value={coverage * 100} size="xl" aria-label={tr('ui.dashboard.coverage')} />
          <Text size="sm">
            {tr('ui.dashboard.coverageText', {
              helpedText: num(data.coverage.helped),
              listedText: num(data.coverage.listed),
            })}
          </Text>
          <Title order={4} mt="sm">
            {tr('ui.dashboard.categories')}
          </Title>
          {data.categories.length === 0 && <Text c="dimmed">{tr('ui.dashboard.noData')}</Text>}
          {data.categories.map((c) => (
            <Row
              key={c.category}
              label={categoryLabels[c.category] ?? c.category}
              max={catMax}
              value={num(c.students)}
              parts={[{ v: c.students, color: 'var(--mantine-color-blue-6)', label: c.category }]}
            />
          ))}
        </Stack>
      </Card>
      {data.units.length > 0 && (
        <Card withBorder>
          <Stack gap={6}>
            <Title order={4}>{tr('ui.dashboard.unitsCompared')}</Title>
            {[...data.units]
              .sort((a, b) => b.amount - a.amount)
              .map((u) => (
                <Group key={u.code} gap="xs" wrap="nowrap">
                  <Anchor
                    component={Link}
                    to={unitHref(u.code)}
                    size="xs"
                    w={{ base: 90, sm: 160 }}
                    truncate="end"
                  >
                    {u.name}
                  </Anchor>
                  <Box
                    style={{
                      flex: 1,
                      display: 'flex',
                      height: 14,
                      background: 'var(--mantine-color-gray-1)',
                    }}
                  >
                    <Bar
                      share={unitMax > 0 ? u.amount / unitMax : 0}
                      color={u.closed ? 'var(--mantine-color-indigo-6)' : 'var(--mantine-color-yellow-6)'}
                      label={u.name}
                    />
                  </Box>
                  <Text size="xs" w={{ base: 70, sm: 100 }} ta="right" fs={u.closed ? undefined : 'italic'}>
                    {num(u.amount)}
                  </Text>
                </Group>
              ))}
          </Stack>
        </Card>
      )}
      <Card withBorder>
        <Stack gap={6}>
          <Title order={4}>{tr('ui.dashboard.years')}</Title>
          {data.history.map((h) => (
            <Row
              key={h.year}
              label={String(h.year)}
              max={yearMax}
              value={`${num(h.amount)} · ${tr('ui.dashboard.students', { n: h.students, nText: num(h.students) })}`}
              parts={[{ v: h.amount, color: 'var(--mantine-color-grape-6)', label: String(h.year) }]}
            />
          ))}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
