import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorText } from '../api/errors';
import { issueSentence } from '@shared/errors';
import { ApiError } from '../api/client';
import { useT } from '../i18n';

interface FailureAlertProps {
  error: unknown;
  /** Paths of the fields on screen: their issues are shown there, the others are listed here. */
  shownFields?: readonly string[];
  'data-testid'?: string;
}

/** What went wrong, in the current language, with every reason that has no field of its own on screen. */
export function FailureAlert({ error, shownFields = [], 'data-testid': testId }: FailureAlertProps) {
  const t = useT();
  if (!error) return null;
  const issues = error instanceof ApiError ? error.payload.issues : [];
  const unplaced = issues.filter((issue) => !shownFields.includes(issue.path.join('.')));
  const reasons = [...new Set(unplaced.map((issue) => issueSentence(issue, t)))];
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid={testId ?? 'failure'}>
      {errorText(error, t)}
      {reasons.length > 0 && (
        <List size="sm" mt="xs" spacing={2}>
          {reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
