import {
  Button,
  Field,
  Input,
  Select,
  Text,
  Textarea,
  mergeClasses,
} from '@fluentui/react-components';
import { AlertMessage } from '../components/StatusStates';
import { ProgressMeter } from '../components/ProgressMeter';
import { useLocale } from '../i18n/locale';
import { useCheckIn, type Confidence, type TeamOkrsProps } from './useCheckIn';
import { useViewStyles } from '../components/viewStyles';
import { useMyOkrsStyles as useStyles } from './useMyOkrsStyles';

/** This week's check-in for my key results in one team. */
export function CheckInCard({ api, okrs, onSubmitted }: TeamOkrsProps) {
  const styles = useStyles();
  const layout = useViewStyles();
  const locale = useLocale();
  const m = locale.messages.personal;
  const { keyResults } = okrs;
  const { drafts, set, notes, setNotes, form, submit } = useCheckIn(api, okrs, onSubmitted);
  const { errors, formError } = form;
  return (
    <section className={mergeClasses(layout.card, styles.card)} aria-label={m.team(okrs.team.name)}>
      <h2 className={layout.cardTitle}>{m.team(okrs.team.name)}</h2>
      <form onSubmit={submit} noValidate>
        <ul className={styles.list}>
          {keyResults.map((kr) => (
            <li key={kr.id} className={styles.kr}>
              <Text weight="semibold" className={styles.name}>
                {kr.title}
              </Text>
              <Text size={200} className={styles.muted}>
                {locale.messages.tree.values(
                  locale.number(kr.current, kr.unit),
                  locale.number(kr.target, kr.unit),
                )}
              </Text>
              <ProgressMeter
                value={kr.progress}
                label={locale.messages.tree.progressOf(kr.title)}
              />
              <div className={styles.row}>
                <Field
                  label={`${m.value} (${kr.title})`}
                  validationMessage={errors[kr.id]}
                  validationState={errors[kr.id] ? 'error' : 'none'}
                >
                  <Input
                    inputMode="decimal"
                    value={drafts[kr.id]?.value ?? ''}
                    onChange={(_, d) => set(kr.id, { value: d.value })}
                  />
                </Field>
                <Field label={`${m.confidence} (${kr.title})`}>
                  <Select
                    value={drafts[kr.id]?.confidence}
                    onChange={(_, d) => set(kr.id, { confidence: d.value as Confidence })}
                  >
                    {(['onTrack', 'atRisk', 'offTrack'] as const).map((c) => (
                      <option key={c} value={c}>
                        {locale.messages.confidence[c]}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
            </li>
          ))}
        </ul>
        <Field label={m.note}>
          <Textarea
            value={notes.whatChanged}
            onChange={(_, d) => setNotes((n) => ({ ...n, whatChanged: d.value }))}
          />
        </Field>
        <Field label={m.blocker}>
          <Textarea
            value={notes.blockers}
            onChange={(_, d) => setNotes((n) => ({ ...n, blockers: d.value }))}
          />
        </Field>
        <Field label={m.decision}>
          <Textarea
            value={notes.decisionNeeded}
            onChange={(_, d) => setNotes((n) => ({ ...n, decisionNeeded: d.value }))}
          />
        </Field>
        {formError && <AlertMessage>{formError}</AlertMessage>}
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={form.saving}>
            {form.saving ? m.submitting : m.submit}
          </Button>
          <div role="status" aria-live="polite">
            {form.saved && <Text>{m.submitted}</Text>}
          </div>
        </div>
      </form>
    </section>
  );
}
