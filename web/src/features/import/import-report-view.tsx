import { Alert, Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue, ImportReport, ImportSheetReport } from './import.api.ts';

/**
 * What the server found in the uploaded file: for each sheet how many rows it read and every refused row with its
 * row number, column and reason, then the warnings. Text comes from the server already in the user's language and
 * is rendered as text, never as markup (a refused cell may well hold HTML).
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <Stack gap="md" data-testid="import-report">
      {report.files.map((file) => (
        <Stack key={file.file} gap="sm">
          {file.error && (
            <Alert
              color="red"
              icon={<IconFileAlert size={18} />}
              role="alert"
              data-testid="import-file-error"
            >
              {file.error}
            </Alert>
          )}
          {file.warnings.map((w) => (
            <Alert key={w} color="yellow" icon={<IconAlertTriangle size={18} />}>
              {w}
            </Alert>
          ))}
          {file.sheets.map((sheet, i) => (
            <SheetView key={`${sheet.sheet ?? ''}-${i}`} sheet={sheet} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function SheetView({ sheet }: { sheet: ImportSheetReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="import-sheet">
      {sheet.kindName && (
        <Group gap="xs">
          <Badge variant="light" color={sheet.refused > 0 || sheet.error ? 'red' : 'teal'}>
            {sheet.sheet ? `${sheet.kindName} · ${sheet.sheet}` : sheet.kindName}
          </Badge>
          <Text size="sm" data-testid="import-summary">
            {t('import:page.summary', { rows: sheet.rows, valid: sheet.valid, refused: sheet.refused })}
          </Text>
        </Group>
      )}
      {sheet.error && (
        <Alert color="red" icon={<IconFileAlert size={18} />} role="alert" data-testid="import-sheet-error">
          {sheet.error}
        </Alert>
      )}
      {!sheet.error && sheet.errors.length === 0 && (
        <Text size="sm" c="teal.8">
          <IconCircleCheck size={16} style={{ verticalAlign: 'text-bottom' }} /> {t('import:page.noErrors')}
        </Text>
      )}
      {sheet.errors.length > 0 && (
        <>
          <Title order={4}>{t('import:page.errorsTitle')}</Title>
          <IssueTable issues={sheet.errors} testId="import-error" />
        </>
      )}
      {sheet.warnings.length > 0 && (
        <>
          <Title order={4}>{t('import:page.warningsTitle')}</Title>
          <List size="sm" spacing={2} data-testid="import-warnings">
            {sheet.warnings.map((w, i) => (
              <List.Item key={i}>
                {t('import:page.colRow')} {w.row}
                {w.column ? ` · ${w.column}` : ''}: {w.message}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

/** The refused rows: one line per problem, in file order, so the user can walk down the sheet fixing them. */
export function IssueTable({ issues, testId }: { issues: ImportIssue[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={520} mah={480}>
      <Table striped verticalSpacing={4} stickyHeader data-testid={`${testId}-table`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('import:page.colRow')}</Table.Th>
            <Table.Th w={200}>{t('import:page.colColumn')}</Table.Th>
            <Table.Th w={180}>{t('import:page.colValue')}</Table.Th>
            <Table.Th>{t('import:page.colMessage')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue, i) => (
            <Table.Tr key={i} data-testid={`${testId}-row`}>
              <Table.Td>{issue.row}</Table.Td>
              <Table.Td>{issue.column ?? t('common.none')}</Table.Td>
              <Table.Td data-testid={`${testId}-value`}>{issue.value ?? ''}</Table.Td>
              <Table.Td>
                {issue.message}
                {issue.child && (
                  <Text size="xs" c="dimmed" data-testid={`${testId}-child`}>
                    {issue.child}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
