import { kazakhstanTime } from '#domain/clock';
import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/use-error-text.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useCurrentOrg } from '../org-units/current-org.tsx';
import { orgUnitName } from '../org-units/org-unit-name.ts';
import { ImportReportView } from './import-report-view.tsx';
import {
  reportTotals,
  useImportKinds,
  useImportUpload,
  type ImportProgress,
  type ImportReport,
} from './import.api.ts';

type Stage =
  | { step: 'idle' }
  | { step: 'sending'; mode: 'preview' | 'apply'; share: number; checked?: ImportProgress }
  | { step: 'preview'; report: ImportReport }
  | { step: 'done'; report: ImportReport }
  | { step: 'failed'; error: unknown };

/**
 * Import from Excel/CSV: choose or drop a file, see every refused row before anything is written, then import it
 * all (only when nothing is refused) or only its valid rows. The file is sent again to apply it, so the server
 * checks exactly what it writes.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { unit: scope } = useCurrentOrg();
  const kinds = useImportKinds();
  const upload = useImportUpload();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [campaign, setCampaign] = useState(String(kazakhstanTime().year));
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [dragging, setDragging] = useState(false);

  const run = async (mode: 'preview' | 'apply', chosen: File, skipInvalid = false) => {
    setStage({ step: 'sending', mode, share: 0 });
    try {
      const report = await upload(
        mode,
        {
          file: chosen,
          org: scope.code,
          campaign: /^\d{4}$/.test(campaign) ? campaign : undefined,
          skipInvalid,
        },
        {
          onUpload: (share) => setStage({ step: 'sending', mode, share }),
          onChecked: (checked) => setStage({ step: 'sending', mode, share: 1, checked }),
        },
      );
      if (mode === 'apply') {
        // Imported records show up in every list.
        await queryClient.invalidateQueries();
        setStage({ step: 'done', report });
      } else {
        setStage({ step: 'preview', report });
      }
    } catch (error) {
      setStage({ step: 'failed', error });
    }
  };

  const choose = (chosen: File | undefined | null) => {
    if (!chosen) return;
    setFile(chosen);
    void run('preview', chosen);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  };

  const reset = () => {
    setFile(null);
    setStage({ step: 'idle' });
    if (input.current) input.current.value = '';
  };

  const busy = stage.step === 'sending';
  const totals = stage.step === 'preview' ? reportTotals(stage.report) : null;

  return (
    <Stack maw={1000}>
      <Title order={2}>{t('import:page.title')}</Title>
      <Text c="dimmed">{t('import:page.intro')}</Text>

      <Group align="end" gap="md">
        <Text size="sm">
          {t('import:page.org')}: <b>{orgUnitName(scope, lang)}</b>
        </Text>
        <TextInput
          label={t('import:page.campaign')}
          value={campaign}
          onChange={(e) => setCampaign(e.currentTarget.value)}
          w={120}
          inputMode="numeric"
          disabled={busy}
          data-testid="import-campaign"
        />
      </Group>

      <input
        ref={input}
        type="file"
        hidden
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => choose(e.currentTarget.files?.[0])}
        data-testid="import-file-input"
      />
      {(stage.step === 'idle' || stage.step === 'failed') && (
        <Paper
          withBorder
          p="xl"
          radius="md"
          role="button"
          tabIndex={0}
          onClick={() => input.current?.click()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') input.current?.click();
          }}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{
            borderStyle: 'dashed',
            cursor: 'pointer',
            background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
          }}
          data-testid="import-drop"
        >
          <Stack align="center" gap={4}>
            <IconUpload size={32} stroke={1.5} />
            <Text fw={600}>{t('import:page.drop')}</Text>
            {kinds.data && (
              <Text size="sm" c="dimmed">
                {t('import:page.dropHint', { max: kinds.data.maxMb })}
              </Text>
            )}
          </Stack>
        </Paper>
      )}

      {stage.step === 'failed' && (
        <Alert color="red" role="alert" data-testid="import-failed">
          {errorText(stage.error)}
        </Alert>
      )}

      {stage.step === 'sending' && <SendingProgress stage={stage} />}

      {file && stage.step !== 'idle' && (
        <Group gap="xs">
          <IconFileSpreadsheet size={18} />
          <Text size="sm" fw={600} data-testid="import-file-name">
            {file.name}
          </Text>
        </Group>
      )}

      {stage.step === 'preview' && totals && file && (
        <>
          <ImportReportView report={stage.report} />
          <Group>
            <Button
              disabled={totals.refused > 0 || totals.blocking || totals.valid === 0}
              onClick={() => void run('apply', file)}
              data-testid="import-all"
            >
              {t('import:page.importAll', { count: totals.rows })}
            </Button>
            {totals.refused > 0 && (
              <Button
                variant="light"
                disabled={totals.blocking || totals.valid === 0}
                onClick={() => void run('apply', file, true)}
                data-testid="import-valid"
              >
                {t('import:page.importValid', { count: totals.valid })}
              </Button>
            )}
            <Button variant="default" onClick={reset} data-testid="import-another">
              {t('import:page.another')}
            </Button>
          </Group>
        </>
      )}

      {stage.step === 'done' && (
        <>
          <ImportResult report={stage.report} />
          <Group>
            <Button variant="default" onClick={reset} data-testid="import-another">
              {t('import:page.another')}
            </Button>
          </Group>
        </>
      )}

      {kinds.data && kinds.data.kinds.some((k) => k.allowed) && (
        <Stack gap={4}>
          <Title order={3}>{t('import:page.templates')}</Title>
          <Text size="sm" c="dimmed">
            {t('import:page.templatesHint')}
          </Text>
          {kinds.data.kinds
            .filter((k) => k.allowed)
            .map((k) => (
              <Group key={k.kind} gap="xs" data-testid={`import-template-${k.kind}`}>
                <Text size="sm" w={260}>
                  {k.name}
                </Text>
                <Anchor size="sm" href={`/api/import/templates/${k.kind}.xlsx?lang=${lang}`} download>
                  {`${k.kind}.xlsx`}
                </Anchor>
                <Anchor size="sm" href={`/api/import/templates/${k.kind}.csv?lang=${lang}`} download>
                  {`${k.kind}.csv`}
                </Anchor>
              </Group>
            ))}
        </Stack>
      )}
    </Stack>
  );
}

/** Upload first (its share), then the rows being checked on the server (done of total), then writing. */
function SendingProgress({ stage }: { stage: Extract<Stage, { step: 'sending' }> }) {
  const { t } = useTranslation();
  const { share, checked } = stage;
  const counting = checked !== undefined && checked.total > 0;
  const label =
    share < 1
      ? t('import:page.uploading', { percent: Math.round(share * 100) })
      : counting && checked.phase === 'validate'
        ? t('import:page.checking', { done: checked.done, total: checked.total })
        : checked?.phase === 'apply' || stage.mode === 'apply'
          ? t('import:page.applying')
          : t('import:page.validating');
  const value = share < 1 ? share * 100 : counting ? (100 * checked.done) / checked.total : 100;
  const indefinite = share >= 1 && !counting;
  return (
    <Stack gap={4} data-testid="import-progress">
      <Text size="sm">{label}</Text>
      <Progress value={value} striped={indefinite} animated={indefinite} aria-label={label} />
    </Stack>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const sheets = report.files.flatMap((f) => f.sheets);
  const applied = sheets.filter((s) => s.applied && s.result);
  const sum = (key: 'created' | 'updated' | 'unchanged' | 'skipped') =>
    applied.reduce((n, s) => n + (s.result?.[key] ?? 0), 0);
  return (
    <Stack gap="sm" data-testid="import-result">
      {applied.length > 0 ? (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="import-done">
          {t('import:page.done', {
            created: sum('created'),
            updated: sum('updated'),
            unchanged: sum('unchanged'),
            skipped: sum('skipped'),
          })}
        </Alert>
      ) : (
        <Alert color="red" role="alert" data-testid="import-refused">
          {t('import:page.refused')}
        </Alert>
      )}
      {!report.ok && <ImportReportView report={report} />}
    </Stack>
  );
}
