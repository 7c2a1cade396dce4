import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChildStatus } from './children.types.ts';

const COLOR: Record<ChildStatus, string> = {
  proposed: 'yellow',
  approved: 'teal',
  rejected: 'red',
  helped: 'blue',
  archived: 'gray',
};

export function StatusBadge({ status }: { status: ChildStatus }) {
  const { t: tc } = useTranslation('children');
  return (
    <Badge size="sm" variant="light" color={COLOR[status]}>
      {tc(`status.${status}`)}
    </Badge>
  );
}
