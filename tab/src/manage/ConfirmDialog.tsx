import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useLocale } from '../i18n/locale';

/** What is about to happen, to be confirmed: archiving, closing a cycle. */
export interface Confirmation {
  /** A question: "Archive “Hire faster”?" */
  readonly title: string;
  /** What it does and what it does not undo. */
  readonly body: string;
  /** The confirming button's text: the action itself ("Archive"), never just "OK". */
  readonly action: string;
  readonly run: () => unknown;
}

/**
 * Asks before a step that cannot be undone from here (Fluent alert dialog; Escape cancels).
 * Mounted while asking, like the key result editor.
 */
export function ConfirmDialog({
  confirmation,
  onClose,
}: {
  readonly confirmation: Confirmation;
  readonly onClose: () => void;
}) {
  const m = useLocale().messages.manage;
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => d.open || onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{confirmation.title}</DialogTitle>
          <DialogContent>{confirmation.body}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                onClose();
                void confirmation.run();
              }}
            >
              {confirmation.action}
            </Button>
            <Button onClick={onClose}>{m.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
