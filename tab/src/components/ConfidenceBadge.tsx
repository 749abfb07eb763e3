import { Badge } from '@fluentui/react-components';
import type { KeyResultView } from '@bearing/core';
import { useLocale } from '../i18n/locale';

type Confidence = KeyResultView['confidence'];

const COLOR = { onTrack: 'success', atRisk: 'warning', offTrack: 'danger' } as const;

/** Confidence as colour and text (colour alone would fail colour-blind and high-contrast users). */
export function ConfidenceBadge({ confidence }: { readonly confidence: Confidence }) {
  const { messages } = useLocale();
  return (
    <Badge appearance="tint" shape="rounded" color={COLOR[confidence]}>
      {messages.confidence[confidence]}
    </Badge>
  );
}
