import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TeamMemberView, TeamRole } from '@bearing/core';
import type { TabApi } from '../api/client';
import { asApiError } from '../api/errors';
import { DisclosureHeading } from '../components/Disclosure';
import { AlertMessage, EmptyState, ErrorState, LoadingState } from '../components/StatusStates';
import { describeError } from '../components/describe-error';
import { useLoad } from '../hooks/useLoad';
import { useLocale } from '../i18n/locale';

const ROLES: readonly TeamRole[] = ['owner', 'manager', 'member'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  name: { overflowWrap: 'anywhere' },
});

/** Team settings → People: who is an owner, a manager or a member; owners change roles here. */
export function PeopleSection({ api, teamId }: { readonly api: TabApi; readonly teamId: string }) {
  const m = useLocale().messages.manage.people;
  const [expanded, setExpanded] = useState(false);
  const id = `people-${teamId}`;
  return (
    <section aria-label={m.title}>
      <DisclosureHeading
        level={3}
        expanded={expanded}
        controls={id}
        onToggle={() => setExpanded(!expanded)}
      >
        {m.title}
      </DisclosureHeading>
      <div id={id} hidden={!expanded}>
        {expanded && <PeopleList api={api} teamId={teamId} />}
      </div>
    </section>
  );
}

function PeopleList({ api, teamId }: { readonly api: TabApi; readonly teamId: string }) {
  const styles = useStyles();
  const locale = useLocale();
  const m = locale.messages.manage.people;
  const { state, reload, replace } = useLoad(`people:${teamId}`, (signal) =>
    api.getTeamMembers(teamId, signal),
  );
  const [busy, setBusy] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [focusUser, setFocusUser] = useState<string>();
  const rows = useRef(new Map<string, HTMLElement>());
  // The pressed button is gone once the role changed: keep keyboard focus in that row.
  useEffect(() => {
    if (!focusUser) return;
    rows.current.get(focusUser)?.querySelector('button')?.focus();
    setFocusUser(undefined);
  }, [focusUser, state]);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const { members, canChangeRoles } = state.data;

  const change = async (member: TeamMemberView, role: TeamRole) => {
    setBusy(member.userId);
    setFailure(undefined);
    setNotice(undefined);
    try {
      const saved = await api.setMemberRole(teamId, member.userId, { role, etag: member.etag });
      replace((data) => ({
        ...data,
        members: data.members.map((x) => (x.userId === saved.userId ? saved : x)),
      }));
      setNotice(m.changed(member.displayName, m.roles[saved.role]));
      setFocusUser(member.userId);
    } catch (error) {
      const e = asApiError(error);
      setFailure(describeError(e, locale));
      // After a conflict the latest roles are what the next attempt must start from.
      if (e.code === 'STORE.CONFLICT') reload();
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className={styles.root}>
      <Text>{m.intro}</Text>
      {!canChangeRoles && <Text>{m.readOnly}</Text>}
      <div role="status" aria-live="polite">
        {notice && <Text>{notice}</Text>}
      </div>
      {failure && <AlertMessage>{failure}</AlertMessage>}
      {members.length === 0 ? (
        <EmptyState title={m.empty} />
      ) : (
        <Table aria-label={m.label} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{m.name}</TableHeaderCell>
              <TableHeaderCell>{m.role}</TableHeaderCell>
              {canChangeRoles && <TableHeaderCell>{m.change}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((p) => (
              <TableRow
                key={p.userId}
                ref={(el: HTMLElement | null) => {
                  if (el) rows.current.set(p.userId, el);
                  else rows.current.delete(p.userId);
                }}
              >
                <TableCell className={styles.name}>{p.displayName || p.userId}</TableCell>
                <TableCell>{m.roles[p.role]}</TableCell>
                {canChangeRoles && (
                  <TableCell>
                    <div className={styles.actions}>
                      {ROLES.filter((r) => r !== p.role).map((r) => (
                        <Button
                          key={r}
                          size="small"
                          disabled={busy !== undefined}
                          aria-label={m.makeLabel(p.displayName || p.userId, r)}
                          onClick={() => void change(p, r)}
                        >
                          {m.make[r]}
                        </Button>
                      ))}
                    </div>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
