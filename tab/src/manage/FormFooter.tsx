import { Button } from '@fluentui/react-components';
import { AlertMessage } from '../components/StatusStates';
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
      {error && <AlertMessage>{error}</AlertMessage>}
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
