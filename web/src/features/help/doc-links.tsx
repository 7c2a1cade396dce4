import { Anchor, Group, Text } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf } from '@tabler/icons-react';
import { useLang } from '../../i18n/use-lang.ts';

const FORMATS = ['pdf', 'docx'] as const;

/** Download links of a generated paper in the UI language, as PDF and DOCX. */
export function DocLinks({
  label,
  path,
  query = {},
}: {
  label: string;
  path: string;
  query?: Record<string, string>;
}) {
  const lang = useLang();
  return (
    <Group gap="xs">
      <Text size="sm">{label}</Text>
      {FORMATS.map((format) => {
        const params = new URLSearchParams({ ...query, format, lang });
        const Icon = format === 'pdf' ? IconFileTypePdf : IconFileTypeDocx;
        return (
          <Anchor key={format} href={`${path}?${params.toString()}`} download size="sm">
            <Group gap={2}>
              <Icon size={16} aria-hidden />
              {format.toUpperCase()}
            </Group>
          </Anchor>
        );
      })}
    </Group>
  );
}
