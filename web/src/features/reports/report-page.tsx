import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isLang, LANGS, type Lang } from '#domain/lang';
import { useErrorText } from '../../api/use-error-text.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useSession } from '../auth/session-context.tsx';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { OrgUnitSelect } from '../org-units/org-unit-select.tsx';
import { useOrgUnit } from '../org-units/org-units.api.ts';
import { reportFileHref, useReportView, useReportYears, type ReportParams } from './reports.api.ts';
import { ReportTableView } from './report-figures.tsx';
import { TraceDrawer } from './trace-drawer.tsx';
import { reportHref } from './report-href.ts';
import type { NarrativeDocument, Report, TraceTarget } from './reports.types.ts';
import { linkNarrative, type Segment } from './narrative-links.ts';

const FORMATS = ['docx', 'pdf', 'xlsx', 'md'] as const;

function Linked({ segments, onTrace }: { segments: Segment[]; onTrace: (t: TraceTarget) => void }) {
  return segments.map((s, i) =>
    typeof s === 'string' ? (
      s
    ) : (
      <UnstyledButton
        key={i}
        onClick={() => onTrace(s.target)}
        c="blue.8"
        fw={500}
        td="underline"
        style={{ textDecorationStyle: 'dotted', fontSize: 'inherit', verticalAlign: 'baseline' }}
        data-metric={s.target.metric}
      >
        {s.text}
      </UnstyledButton>
    ),
  );
}

function Narrative({
  doc,
  report,
  lang,
  onTrace,
}: {
  doc: NarrativeDocument;
  report: Report;
  lang: Lang;
  onTrace: (t: TraceTarget) => void;
}) {
  const linked = linkNarrative(
    doc.paragraphs.map((b) => (b.kind === 'list' ? b.items : [b.text])),
    report,
    lang,
  );
  return (
    <Stack gap="sm" data-testid="report-narrative">
      <Title order={3}>{doc.title}</Title>
      {doc.paragraphs.map((block, i) => {
        const units = linked[i] ?? [];
        switch (block.kind) {
          case 'heading':
            return (
              <Title order={4} key={i}>
                {block.text}
              </Title>
            );
          case 'paragraph':
            return (
              <Text key={i}>
                <Linked segments={units[0] ?? [block.text]} onTrace={onTrace} />
              </Text>
            );
          case 'list':
            return (
              <List key={i} spacing={2}>
                {block.items.map((item, j) => (
                  <List.Item key={j}>
                    <Linked segments={units[j] ?? [item]} onTrace={onTrace} />
                  </List.Item>
                ))}
              </List>
            );
        }
      })}
    </Stack>
  );
}

/** The campaign report of a unit: choose unit, year and language; read it; open the records behind a figure. */
export function ReportPage() {
  const { t: tr } = useTranslation('reports');
  const uiLang = useLang();
  const me = useSession();
  const { unit: current } = useCurrentOrg();
  const [search, setSearch] = useSearchParams();
  const org = search.get('org') ?? current.code;
  const unit = useOrgUnit(org === current.code ? null : org).data ?? (org === current.code ? current : null);
  const langParam = search.get('lang');
  const lang: Lang = isLang(langParam) ? langParam : uiLang;
  const years = useReportYears(org);
  const yearParam = Number(search.get('year'));
  const year = yearParam > 0 ? yearParam : years.data?.years[0];
  const params: ReportParams | null = year ? { org, year, lang } : null;
  const view = useReportView(params);
  const [trace, setTrace] = useState<TraceTarget | null>(null);
  const errorText = useErrorText();

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    setSearch(next);
  };

  return (
    <Stack maw={1100}>
      <Title order={2}>{tr('ui.title')}</Title>
      <Group align="flex-end" wrap="wrap">
        <OrgUnitSelect
          label={tr('ui.unit')}
          scope={me.orgUnit.code}
          value={unit}
          placeholder={org}
          onChange={(u) => {
            if (!u) return;
            const next = new URLSearchParams(search);
            next.set('org', u.code);
            next.delete('year');
            setSearch(next);
          }}
          w={{ base: '100%', sm: 360 }}
        />
        <Select
          label={tr('ui.campaign')}
          data={(years.data?.years ?? []).map((y) => String(y))}
          value={year ? String(year) : null}
          onChange={(y) => y && update({ year: y })}
          w={120}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {tr('ui.lang')}
          </Text>
          <SegmentedControl
            aria-label={tr('ui.lang')}
            data={LANGS.map((l) => ({ value: l, label: l.toUpperCase() }))}
            value={lang}
            onChange={(l) => update({ lang: l })}
          />
        </Stack>
      </Group>

      {(years.isPending || (params && view.isPending)) && <Loader size="sm" />}
      {(years.error ?? view.error) && <Alert color="red">{errorText(years.error ?? view.error)}</Alert>}
      {years.data && years.data.years.length === 0 && (
        <Alert color="gray" data-testid="report-no-campaigns">
          {tr('ui.noCampaigns')}
        </Alert>
      )}

      {params && view.data && (
        <>
          <Group gap="xs" wrap="wrap">
            <Text fw={500}>{tr('ui.download')}:</Text>
            {FORMATS.map((f) => (
              <Button
                key={f}
                component="a"
                href={reportFileHref(params, f)}
                download
                variant="light"
                size="xs"
                leftSection={<IconDownload size={14} />}
              >
                {tr(`ui.format.${f}`)}
              </Button>
            ))}
            {!view.data.report.campaign.closed && <Badge color="yellow">{tr('ui.notClosed')}</Badge>}
          </Group>
          <Card withBorder>
            <Narrative doc={view.data.narrative} report={view.data.report} lang={lang} onTrace={setTrace} />
          </Card>
          <Title order={3}>{tr('ui.tables')}</Title>
          <Text c="dimmed" size="sm">
            {tr('ui.clickHint')}
          </Text>
          {view.data.tables.map((table) => (
            <Stack key={table.id} gap={4}>
              <Title order={4}>{table.title}</Title>
              <ReportTableView
                table={table}
                lang={lang}
                onTrace={setTrace}
                unitHref={(code) => reportHref(code, params.year, lang)}
              />
            </Stack>
          ))}
          <Anchor component={Link} to={`/public/${encodeURIComponent(org)}/${params.year}`} size="sm">
            {tr('ui.publicPage')}
          </Anchor>
          {/* The records are listed in the language of the screen, whatever the report's language. */}
          <TraceDrawer params={{ ...params, lang: uiLang }} target={trace} onClose={() => setTrace(null)} />
        </>
      )}
    </Stack>
  );
}
