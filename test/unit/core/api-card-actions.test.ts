import fc from 'fast-check';
import {
  CARD_VERBS,
  CHECKIN_INPUTS,
  OPEN_ITEM_TEXT_INPUT,
  parseCardAction,
  parseCardNumber,
} from '@bearing/core';

describe('card actions', () => {
  const context = {
    teamId: 'team-a',
    cycleId: 'FY2027-Q2',
    week: '2026-W48',
    submissionId: 'card-1234abcd',
    krIds: ['kr-1', 'kr.2'],
  };
  const inputs = {
    [CHECKIN_INPUTS.value('kr-1')]: '12.5',
    [CHECKIN_INPUTS.confidence('kr-1')]: 'atRisk',
    [CHECKIN_INPUTS.value('kr.2')]: 'true',
    [CHECKIN_INPUTS.confidence('kr.2')]: 'onTrack',
    whatChanged: '  Closed two deals  ',
    blockers: '',
  };

  it('parses an open item update: its own input, trimmed; empty or too long text names the input', () => {
    const input = OPEN_ITEM_TEXT_INPUT('blocker.u1.2026-W47');
    const data = { teamId: 'team-a', itemId: 'blocker.u1.2026-W47' };
    expect(
      parseCardAction({
        verb: CARD_VERBS.openItemUpdate,
        data: { ...data, [input]: ' Licence? ' },
      }),
    ).toEqual({ ok: true, value: { verb: 'item.update', ...data, text: 'Licence?' } });
    for (const bad of ['  ', 'x'.repeat(2001), 42, undefined]) {
      const r = parseCardAction({
        verb: CARD_VERBS.openItemUpdate,
        data: { ...data, [input]: bad },
      });
      expect(r.ok === false && r.error.field).toBe(input);
    }
    const stale = parseCardAction({ verb: CARD_VERBS.openItemUpdate, data: { [input]: 'x' } });
    expect(stale.ok === false && stale.error.message).toBe('This card is out of date.');
  });

  it('parses a check-in submission from string inputs', () => {
    const r = parseCardAction({ verb: CARD_VERBS.checkInSubmit, data: { ...context, ...inputs } });
    expect(r).toEqual({
      ok: true,
      value: {
        verb: 'checkin.submit',
        submission: {
          teamId: 'team-a',
          cycleId: 'FY2027-Q2',
          week: '2026-W48',
          submissionId: 'card-1234abcd',
          nothingChanged: false,
          updates: [
            { keyResultId: 'kr-1', value: 12.5, confidence: 'atRisk' },
            { keyResultId: 'kr.2', value: 1, confidence: 'onTrack' },
          ],
          whatChanged: 'Closed two deals',
        },
      },
    });
  });

  it.each([
    ['', 'Enter a value.'],
    ['12abc', 'Enter a number, such as 12.5.'],
    ['1e400', 'That number is too large.'],
    ['NaN', 'Enter a number, such as 12.5.'],
    ['Infinity', 'Enter a number, such as 12.5.'],
    [' 0x10 ', 'Enter a number, such as 12.5.'],
  ])('names the input when the value is %j', (raw, message) => {
    const r = parseCardAction({
      verb: CARD_VERBS.checkInSubmit,
      data: { ...context, ...inputs, [CHECKIN_INPUTS.value('kr-1')]: raw },
    });
    expect(r.ok ? 'ok' : r.error).toEqual({
      code: 'CARD.INVALID_INPUT',
      message,
      field: 'kr.kr-1.value',
    });
  });

  it('names the confidence and text inputs when they are wrong', () => {
    const badConfidence = parseCardAction({
      verb: CARD_VERBS.checkInSubmit,
      data: { ...context, ...inputs, [CHECKIN_INPUTS.confidence('kr-1')]: 'great' },
    });
    expect(badConfidence.ok ? 'ok' : badConfidence.error.field).toBe('kr.kr-1.confidence');
    const long = parseCardAction({
      verb: CARD_VERBS.checkInSubmit,
      data: { ...context, ...inputs, decisionNeeded: 'y'.repeat(1001) },
    });
    expect(long.ok ? 'ok' : long.error.field).toBe('decisionNeeded');
  });

  it('does not need values for "nothing changed"', () => {
    const r = parseCardAction({
      verb: CARD_VERBS.checkInNothingChanged,
      data: { ...context, ...inputs, [CHECKIN_INPUTS.value('kr-1')]: '' },
    });
    expect(r.ok && r.value.verb).toBe('checkin.nothingChanged');
  });

  it('parses the other verbs and rejects unknown ones', () => {
    expect(
      parseCardAction({ verb: 'kpi.snooze', data: { teamId: 't', kpiId: 'k', duration: '1w' } }),
    ).toEqual({
      ok: true,
      value: { verb: 'kpi.snooze', teamId: 't', kpiId: 'k', duration: '1w' },
    });
    expect(
      parseCardAction({
        verb: 'kpi.manualReading',
        data: { teamId: 't', kpiId: 'k', 'reading.value': '4.5' },
      }),
    ).toEqual({
      ok: true,
      value: { verb: 'kpi.manualReading', teamId: 't', kpiId: 'k', value: 4.5 },
    });
    expect(parseCardAction({ verb: 'admin.dropTables', data: {} }).ok).toBe(false);
    expect(parseCardAction(null).ok).toBe(false);
    expect(
      parseCardAction({ verb: CARD_VERBS.checkInSubmit, data: { ...context, week: '2026-W99' } })
        .ok,
    ).toBe(false);
  });

  it('parses numbers strictly', () => {
    expect(parseCardNumber('1,250.5')).toEqual({ ok: true, value: 1250.5 });
    expect(parseCardNumber(-3)).toEqual({ ok: true, value: -3 });
    expect(parseCardNumber(Number.NaN).ok).toBe(false);
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(CARD_VERBS), 'x'),
        fc.jsonValue(),
        fc.dictionary(fc.string(), fc.jsonValue()),
        (verb, data, extra) => {
          const r1 = parseCardAction({ verb, data });
          const r2 = parseCardAction({ verb, data: { ...context, ...extra } });
          for (const r of [r1, r2]) {
            expect(typeof r.ok).toBe('boolean');
            if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
