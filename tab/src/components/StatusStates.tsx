import type { ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ApiRequestError } from '../api/errors';
import { useLocale } from '../i18n/locale';
import { describeError } from './describe-error';

/** A message about what just happened (an error unless said otherwise), announced as it appears. */
export function AlertMessage({
  intent = 'error',
  children,
}: {
  readonly intent?: 'error' | 'warning';
  readonly children: ReactNode;
}) {
  return (
    <MessageBar intent={intent} layout="multiline" role="alert">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

const useStyles = makeStyles({
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  short: { width: '40%' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
});

/** Placeholder rows while the view loads (announced once through its label). */
export function LoadingState() {
  const styles = useStyles();
  const { messages } = useLocale();
  return (
    <div role="status" aria-label={messages.loading} aria-busy="true">
      <Skeleton className={styles.skeleton} aria-hidden>
        {[0, 1, 2].map((i) => (
          <div key={i} className={styles.row}>
            <SkeletonItem size={20} className={styles.short} />
            <SkeletonItem size={12} />
            <SkeletonItem size={32} />
          </div>
        ))}
      </Skeleton>
    </div>
  );
}

/** What went wrong, in words, with a Retry button. */
export function ErrorState({
  error,
  onRetry,
}: {
  readonly error: ApiRequestError;
  readonly onRetry: () => void;
}) {
  const locale = useLocale();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{locale.messages.errors.title}</MessageBarTitle>
        {describeError(error, locale)}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onRetry}>
          {locale.messages.retry}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** A friendly, explanatory empty state (never a blank page). */
export function EmptyState({
  title,
  body,
  action,
}: {
  readonly title: string;
  readonly body?: string;
  readonly action?: { readonly label: string; readonly onClick: () => void };
}) {
  const styles = useStyles();
  return (
    <div className={styles.empty}>
      <Text as="h2" weight="semibold" size={400}>
        {title}
      </Text>
      {body && <Text>{body}</Text>}
      {action && (
        <div>
          <Button onClick={action.onClick}>{action.label}</Button>
        </div>
      )}
    </div>
  );
}
