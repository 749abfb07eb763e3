import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { ObjectiveView } from '@bearing/core';
import { useLocale } from '../i18n/locale';

type Guardrail = ObjectiveView['guardrails'][number];

// Green / amber / red for the states that have a verdict; grey when there is no fresh data.
const COLOR = {
  healthy: 'success',
  warning: 'warning',
  breach: 'danger',
  stale: 'subtle',
  noData: 'subtle',
} as const;

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
});

/** The KPIs guarding an objective, each named with its status in words. */
export function GuardrailBadges({ guardrails }: { readonly guardrails: readonly Guardrail[] }) {
  const styles = useStyles();
  const { messages } = useLocale();
  if (guardrails.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={messages.tree.guardrails}>
      {guardrails.map((g) => (
        <li key={g.kpiId}>
          <Badge appearance="tint" shape="rounded" color={COLOR[g.status]}>
            {messages.guardrail(g.name, messages.kpiStatus[g.status])}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
