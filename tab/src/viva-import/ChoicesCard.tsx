import { Field, Radio, RadioGroup, Select } from '@fluentui/react-components';
import type { VivaImportReport } from '@bearing/core';
import { useViewStyles } from '../components/viewStyles';
import { vivaImportMessages as m } from '../i18n/en-viva-import';
import { useImportStyles } from './styles';
import type { LabelMeaning, VivaImportState } from './useVivaImport';

const MEANINGS: readonly LabelMeaning[] = ['objective', 'keyResult', 'initiative', 'ignore'];

/**
 * How many outcomes are ranges to stay in (Viva's `Stay Above` / `Stay Below` target types,
 * which the preview's decisions name by their Viva name): those can become KPI guardrails.
 */
export function guardrailOffers(report: VivaImportReport): number {
  return report.decisions
    .filter((d) => /^Outcome: Stay (Above|Below)\b/.test(d.subject))
    .reduce((n, d) => n + d.count, 0);
}

/** The choices that are not matches: guardrail outcomes, and what custom type labels mean. */
export function ChoicesCard({ state }: { readonly state: VivaImportState }) {
  const layout = useViewStyles();
  const styles = useImportStyles();
  const report = state.report!;
  const offers = guardrailOffers(report);
  // Labels the server still asks about, and those already answered (no longer unknown).
  const labels = [
    ...new Set([...(report.choices?.labels ?? []), ...Object.keys(state.choices.labels)]),
  ].sort();
  if (offers === 0 && labels.length === 0 && state.choices.guardrails === 'keyResult') return null;
  return (
    <section className={layout.card} aria-label={m.options.title}>
      <h2 className={layout.cardTitle}>{m.options.title}</h2>
      {(offers > 0 || state.choices.guardrails === 'kpi') && (
        <Field label={m.options.guardrails(offers)}>
          <RadioGroup
            value={state.choices.guardrails}
            disabled={state.busy}
            onChange={(_, d) => state.setGuardrails(d.value === 'kpi' ? 'kpi' : 'keyResult')}
          >
            <Radio value="keyResult" label={m.options.asKeyResult} />
            <Radio value="kpi" label={m.options.asKpi} />
          </RadioGroup>
        </Field>
      )}
      {labels.map((label) => (
        <Field key={label} label={m.options.label(label)}>
          <Select
            className={styles.picker}
            value={state.choices.labels[label] ?? ''}
            disabled={state.busy}
            onChange={(_, d) =>
              state.setLabel(
                label,
                MEANINGS.find((meaning) => meaning === d.value),
              )
            }
          >
            <option value="">{m.options.meanings.unset}</option>
            {MEANINGS.map((meaning) => (
              <option key={meaning} value={meaning}>
                {m.options.meanings[meaning]}
              </option>
            ))}
          </Select>
        </Field>
      ))}
    </section>
  );
}
