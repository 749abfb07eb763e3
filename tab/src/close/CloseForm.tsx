import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { CycleCloseResponse } from '@bearing/core';
import type { TabApi } from '../api/client';
import { parseNumber } from '../components/EditKeyResultDialog';
import { AlertMessage } from '../components/StatusStates';
import { useSubmit } from '../hooks/useSubmit';
import { useViewStyles } from '../components/viewStyles';
import { useLocale } from '../i18n/locale';
import { ConfirmDialog, type Confirmation } from '../manage/ConfirmDialog';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  cardTitle: { overflowWrap: 'anywhere' },
  score: { maxWidth: '10em' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** A score typed as people do (`0.7`, `0,7`, `.7`), or undefined outside 0..1. */
export function parseScore(text: string): number | undefined {
  const value = parseNumber(text);
  return value !== undefined && value >= 0 && value <= 1 ? value : undefined;
}

export function CloseForm({
  api,
  teamId,
  preview,
}: {
  readonly api: TabApi;
  readonly teamId: string;
  readonly preview: CycleCloseResponse;
}) {
  const styles = useStyles();
  const layout = useViewStyles();
  const locale = useLocale();
  const m = locale.messages.close;
  const keyResults = preview.objectives.flatMap((o) => o.keyResults);
  // Prefilled with the server's suggestion (from progress), one decimal as OKR scores are.
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(keyResults.map((k) => [k.keyResultId, k.suggestedScore.toFixed(1)])),
  );
  const [retros, setRetros] = useState<Record<string, { whatWorked: string; whatDidNot: string }>>(
    {},
  );
  const [carry, setCarry] = useState<string[]>([]);
  const [result, setResult] = useState<CycleCloseResponse>();
  const [confirming, setConfirming] = useState<Confirmation>();
  const form = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const parsed = keyResults.map((k) => {
      const score = parseScore(scores[k.keyResultId] ?? '');
      if (score === undefined) found[k.keyResultId] = m.scoreError;
      return { keyResultId: k.keyResultId, score: score ?? 0 };
    });
    form.check(found);
    const first = Object.keys(found)[0];
    if (first) return document.getElementById(`score-${first}`)?.focus();
    // Closing cannot be undone: it runs once confirmed.
    setConfirming({
      title: m.ask(preview.cycle.name),
      body: m.askBody(preview.nextCycle.name),
      action: m.confirm(preview.cycle.name),
      run: () => close(parsed),
    });
  }

  async function close(parsed: { keyResultId: string; score: number }[]) {
    await form.run(async () => {
      const closed = await api.closeCycle(teamId, preview.cycle.id, {
        scores: parsed,
        retrospectives: Object.entries(retros)
          .filter(([, r]) => r.whatWorked.trim() || r.whatDidNot.trim())
          .map(([objectiveId, r]) => ({
            objectiveId,
            whatWorked: r.whatWorked.trim(),
            whatDidNot: r.whatDidNot.trim(),
          })),
        carryOverObjectiveIds: carry,
      });
      setResult(closed);
    });
  }
  const retro = (id: string) => retros[id] ?? { whatWorked: '', whatDidNot: '' };

  if (result) return <Closed result={result} />;
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {confirming && (
        <ConfirmDialog confirmation={confirming} onClose={() => setConfirming(undefined)} />
      )}
      <Text>{m.intro}</Text>
      {preview.objectives.map(({ objectiveId: id, ...o }) => (
        <section key={id} className={layout.card} aria-label={o.title}>
          <h2 className={mergeClasses(layout.cardTitle, styles.cardTitle)}>{o.title}</h2>
          {o.keyResults.map(({ keyResultId: kr, title }) => (
            <Field key={kr} label={m.score(title)} {...form.fieldState(kr)}>
              <Input
                id={`score-${kr}`}
                className={styles.score}
                inputMode="decimal"
                value={scores[kr] ?? ''}
                onChange={(_, d) => setScores((s) => ({ ...s, [kr]: d.value }))}
              />
            </Field>
          ))}
          {/* An annual objective a quarter's close leaves open only has scores to give. */}
          {o.closes && (
            <>
              <Field label={`${m.whatWorked} (${o.title})`}>
                <Textarea
                  value={retro(id).whatWorked}
                  onChange={(_, d) =>
                    setRetros((r) => ({ ...r, [id]: { ...retro(id), whatWorked: d.value } }))
                  }
                />
              </Field>
              <Field label={`${m.whatDidNot} (${o.title})`}>
                <Textarea
                  value={retro(id).whatDidNot}
                  onChange={(_, d) =>
                    setRetros((r) => ({ ...r, [id]: { ...retro(id), whatDidNot: d.value } }))
                  }
                />
              </Field>
              <Checkbox
                label={`${m.carryOver}: ${o.title}`}
                checked={carry.includes(id)}
                onChange={(_, d) =>
                  setCarry((c) => (d.checked ? [...c, id] : c.filter((x) => x !== id)))
                }
              />
            </>
          )}
        </section>
      ))}
      {form.formError && <AlertMessage>{form.formError}</AlertMessage>}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={form.saving}>
          {form.saving ? m.submitting : m.submit}
        </Button>
      </div>
    </form>
  );
}

/** A closed cycle: what each objective scored and what was carried over. */
export function Closed({ result }: { readonly result: CycleCloseResponse }) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.close;
  return (
    <>
      <MessageBar intent="success" layout="multiline" role="status">
        <MessageBarBody>
          {m.closed(result.cycle.name)}{' '}
          {m.carriedOver(result.carriedOver.length, result.nextCycle.name)}
        </MessageBarBody>
      </MessageBar>
      <ul className={styles.list}>
        {result.objectives.map((o) => (
          <li key={o.objectiveId}>
            <Text weight="semibold">{o.title}</Text>
            {o.score !== undefined && <Text>{` — ${m.scored(o.score.toFixed(1))}`}</Text>}
          </li>
        ))}
      </ul>
    </>
  );
}
