import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useLocale } from '../i18n/locale';
import { useFormStyles as useStyles } from './forms';

/** The error of a whole form (not of one field), then Save and Cancel. */
export function FormFooter({
  error,
  saving,
  onCancel,
}: {
  readonly error: string | undefined;
  readonly saving: boolean;
  readonly onCancel: () => void;
}) {
  const styles = useStyles();
  const m = useLocale().messages.manage;
  return (
    <>
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? m.saving : m.save}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          {m.cancel}
        </Button>
      </div>
    </>
  );
}
