import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-error.ts';

/** The sentence to show for a failed call: the server's own (already translated) message when it sent one. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.isConflict) return error.message || t('errors.conflict');
        if (error.message) return error.message;
        if (error.status === 0) return t('errors.network');
        if (error.status === 403) return t('errors.forbidden');
      }
      return t('errors.unknown');
    },
    [t],
  );
}
