/** @jest-environment node */
import { groupAlignment, withKeyResult } from '../../../tab/src/alignment/group';
import { keyResult, teamView } from './support';
import type { ObjectiveView } from '@bearing/core';

const base = teamView().objectives[0]!;
const objective = (id: string, parentIds: string[], aligned = true): ObjectiveView => ({
  ...base,
  id,
  title: id,
  parentIds,
  aligned,
  keyResults: [],
});

describe('groupAlignment', () => {
  it('puts an objective under each of its company parents and apart when unaligned', () => {
    const groups = groupAlignment(teamView());
    expect(groups.company.map((g) => g.objectives.map((n) => n.objective.id))).toEqual([
      ['obj-engagement'],
      ['obj-engagement'],
    ]);
    expect(groups.notAligned.map((n) => n.objective.id)).toEqual(['obj-side-project']);
    expect(groups.alignedElsewhere).toEqual([]);
  });

  it('nests objectives aligned to a team objective, and keeps other parents apart', () => {
    const view = teamView({
      objectives: [
        objective('team', ['obj-company-people']),
        objective('individual', ['team']),
        objective('other-team-child', ['someone-elses-objective']),
      ],
    });
    const groups = groupAlignment(view);
    const team = groups.company[0]!.objectives[0]!;
    expect(team.children.map((c) => c.objective.id)).toEqual(['individual']);
    expect(groups.alignedElsewhere.map((n) => n.objective.id)).toEqual(['other-team-child']);
  });

  it('never loses objectives that align to each other in a cycle', () => {
    const view = teamView({ objectives: [objective('a', ['b']), objective('b', ['a'])] });
    const groups = groupAlignment(view);
    const shown = groups.alignedElsewhere.map((n) => n.objective.id);
    expect(shown).toEqual(['a']);
    expect(groups.alignedElsewhere[0]!.children[0]!.objective.id).toBe('b');
    expect(groups.alignedElsewhere[0]!.children[0]!.children).toEqual([]);
  });

  it('hides company objectives with nothing under them while searching', () => {
    const view = teamView({ objectives: [objective('team', ['obj-company-growth'])] });
    expect(groupAlignment(view, false).company).toHaveLength(2);
    expect(groupAlignment(view, true).company.map((g) => g.company.id)).toEqual([
      'obj-company-growth',
    ]);
  });
});

describe('withKeyResult', () => {
  it('replaces one key result and leaves the rest as they were', () => {
    const view = teamView();
    const updated = keyResult({ current: 8, etag: '"new"' });
    const next = withKeyResult(view, updated);
    expect(next.objectives[0]!.keyResults[0]).toBe(updated);
    expect(next.objectives[0]!.keyResults[1]).toBe(view.objectives[0]!.keyResults[1]);
    expect(next.objectives[1]).toBe(view.objectives[1]);
  });
});
