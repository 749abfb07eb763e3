import { useState } from 'react';
import { Button, Select, Text } from '@fluentui/react-components';
import type { VivaImportReport } from '@bearing/core';
import { vivaImportMessages as m } from '../i18n/en-viva-import';
import { ReportTable } from './ReportTable';
import { useImportStyles } from './styles';
import type { VivaImportState } from './useVivaImport';

type Person = VivaImportReport['people'][number];

/** How an override names a Viva person: the e-mail when the export has one, else the name. */
export const personKey = (p: Person) => p.email ?? p.viva;

/** Each Viva team, how it matched, and a picker of the installed teams (or a new team). */
export function TeamsTable({ state }: { readonly state: VivaImportState }) {
  const styles = useImportStyles();
  const report = state.report!;
  const known = report.choices?.teams ?? [];
  return (
    <ReportTable
      title={m.teams.title}
      columns={[{ label: m.teams.viva }, { label: m.teams.match }]}
      rows={report.teams.map((t) => {
        const chosen = state.choices.teams[t.viva];
        const value = chosen !== undefined ? (chosen ?? '') : t.match === 'new' ? '' : t.teamId;
        return {
          key: t.viva,
          cells: [
            <>
              <Text block weight="semibold">
                {t.viva}
              </Text>
              {t.parent && <Text block>{m.teams.parent(t.parent)}</Text>}
              {!t.listed && (
                <Text block className={styles.note}>
                  {m.teams.notListed}
                </Text>
              )}
              <Text block className={styles.note}>
                {m.teams.how[t.match] ?? t.match}
              </Text>
            </>,
            <Select
              className={styles.picker}
              aria-label={m.teams.picker(t.viva)}
              value={value}
              disabled={state.busy}
              onChange={(_, d) => state.setTeam(t.viva, d.value || null)}
            >
              <option value="">{m.teams.newTeam}</option>
              {known.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </Select>,
          ],
        };
      })}
      empty={m.teams.empty}
    />
  );
}

/** A member picker: shown at once for the unmatched, behind "Change" for the others. */
function PersonPicker({
  person,
  state,
}: {
  readonly person: Person;
  readonly state: VivaImportState;
}) {
  const styles = useImportStyles();
  const key = personKey(person);
  const chosen = state.choices.people[key];
  const [open, setOpen] = useState(false);
  if (!open && chosen === undefined && person.match !== 'unmatched')
    return (
      <Button
        size="small"
        aria-label={m.people.changeLabel(person.viva)}
        disabled={state.busy}
        onClick={() => setOpen(true)}
      >
        {m.people.change}
      </Button>
    );
  const members = state.report?.choices?.members ?? [];
  return (
    <Select
      className={styles.picker}
      aria-label={m.people.picker(person.viva)}
      value={chosen !== undefined ? (chosen ?? '') : (person.userId ?? '')}
      disabled={state.busy}
      onChange={(_, d) => state.setPerson(key, d.value || null)}
    >
      <option value="">{m.people.nobody}</option>
      {members.map((p) => (
        <option key={p.userId} value={p.userId}>
          {p.displayName}
        </option>
      ))}
    </Select>
  );
}

/** Every Viva person (the unmatched first) with what they own and the member they map to. */
export function PeopleTable({ state }: { readonly state: VivaImportState }) {
  const styles = useImportStyles();
  const report = state.report!;
  const names = new Map(report.choices?.members.map((p) => [p.userId, p.displayName]));
  const people = [...report.people].sort(
    (a, b) =>
      Number(b.match === 'unmatched') - Number(a.match === 'unmatched') ||
      a.viva.localeCompare(b.viva),
  );
  return (
    <ReportTable
      title={m.people.title}
      columns={[{ label: m.people.viva }, { label: m.people.owns }, { label: m.people.match }]}
      rows={people.map((p) => ({
        key: `${personKey(p)}|${p.viva}`,
        cells: [
          <>
            <Text block weight="semibold">
              {p.viva}
            </Text>
            {p.email && <Text block>{p.email}</Text>}
            <Text block className={styles.note}>
              {m.people.how[p.match] ?? p.match}
              {p.userId && p.match !== 'unmatched' ? ` · ${names.get(p.userId) ?? p.userId}` : ''}
            </Text>
            {p.ambiguous && <Text block>{m.people.ambiguous}</Text>}
          </>,
          p.itemCount === 0 ? (
            <Text className={styles.note}>{m.people.nothing}</Text>
          ) : (
            <ul className={styles.list}>
              {p.items.map((i) => (
                <li key={i.id}>{i.title}</li>
              ))}
              {p.itemCount > p.items.length && (
                <li>{m.people.more(p.itemCount - p.items.length)}</li>
              )}
            </ul>
          ),
          <PersonPicker person={p} state={state} />,
        ],
      }))}
      empty={m.people.empty}
    >
      <Text>{m.people.intro}</Text>
    </ReportTable>
  );
}
