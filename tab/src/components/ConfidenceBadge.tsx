import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { KeyResultView } from '@bearing/core';
import { useLocale } from '../i18n/locale';

type Confidence = KeyResultView['confidence'];

const COLOR = { onTrack: 'success', atRisk: 'warning', offTrack: 'danger' } as const;

/** Confidence as colour and text (colour alone would fail colour-blind and high-contrast users). */
export function ConfidenceBadge({
  confidence,
  size,
  className,
}: {
  readonly confidence: Confidence;
  /** Larger on the meeting stage. */
  readonly size?: BadgeProps['size'];
  readonly className?: string;
}) {
  const { messages } = useLocale();
  return (
    <Badge
      appearance="tint"
      shape="rounded"
      color={COLOR[confidence]}
      {...(size ? { size } : {})}
      {...(className ? { className } : {})}
    >
      {messages.confidence[confidence]}
    </Badge>
  );
}
