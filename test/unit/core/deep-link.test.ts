import fc from 'fast-check';
import {
  TAB_LINK_VIEWS,
  decodeTabContext,
  encodeTabContext,
  readTabDeepLink,
  tabDeepLink,
  type TabContext,
} from '@bearing/core';

const TEAM = '00000000-0000-0000-0000-000000000031';
const APP = '2f1a7c9e-5b8d-4e3f-9a61-0c7d2b4e8f10';

const idArb = fc.stringMatching(/^[A-Za-z0-9._:|@-]{1,40}$/);
const contextArb: fc.Arbitrary<TabContext> = fc.record(
  {
    view: fc.constantFrom(...TAB_LINK_VIEWS),
    teamId: idArb,
    cycleId: fc
      .tuple(fc.integer({ min: 2000, max: 2999 }), fc.integer({ min: 1, max: 4 }))
      .map(([y, q]) => `FY${y}-Q${q}`),
    kpiId: idArb,
    keyResultId: idArb,
  },
  { requiredKeys: [] },
);

describe('tab context (what a link into the tab carries)', () => {
  it('writes a short query and reads it back', () => {
    const text = encodeTabContext({ view: 'dashboard', teamId: TEAM, kpiId: 'kpi-uptime' });
    expect(text).toBe(`view=dashboard&teamId=${TEAM}&kpi=kpi-uptime`);
    expect(decodeTabContext(text)).toEqual({
      view: 'dashboard',
      teamId: TEAM,
      kpiId: 'kpi-uptime',
    });
    expect(decodeTabContext(`?${text}`)).toEqual(decodeTabContext(text));
  });

  it('reads back whatever it wrote', () => {
    fc.assert(
      fc.property(contextArb, (context) => {
        expect(decodeTabContext(encodeTabContext(context))).toEqual(context);
      }),
    );
  });

  it('reads the tab URLs the bot sent before (`team=`) and the tab’s own query', () => {
    expect(decodeTabContext(`view=alignment&team=${TEAM}&kpi=kpi-csat`)).toEqual({
      view: 'alignment',
      teamId: TEAM,
      kpiId: 'kpi-csat',
    });
    expect(decodeTabContext(`?view=close&teamId=${TEAM}&cycleId=FY2027-Q2&theme=dark`)).toEqual({
      view: 'close',
      teamId: TEAM,
      cycleId: 'FY2027-Q2',
    });
  });

  it('drops what is not a view, an id or a cycle, and never throws', () => {
    expect(
      decodeTabContext('view=admin&teamId=a/b&cycleId=2027&kpi=%E0%A4%A&keyResult=&x=1'),
    ).toEqual({});
    expect(decodeTabContext(undefined)).toEqual({});
    expect(decodeTabContext(null)).toEqual({});
    fc.assert(fc.property(fc.string(), (text) => typeof decodeTabContext(text) === 'object'));
  });
});

describe('Teams deep links to the tab', () => {
  it('is an entity deep link whose context holds the tab context as subEntityId', () => {
    const link = tabDeepLink(
      { appId: APP, entityId: 'myOkrs' },
      { view: 'dashboard', teamId: TEAM, kpiId: 'kpi-uptime' },
    );
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe(
      `https://teams.microsoft.com/l/entity/${APP}/myOkrs`,
    );
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({
      subEntityId: `view=dashboard&teamId=${TEAM}&kpi=kpi-uptime`,
    });
  });

  it('carries the channel, web address and label when given, and reads them back', () => {
    const target = {
      appId: APP,
      entityId: `bearing-${TEAM}`,
      channelId: '19:general@thread.tacv2',
      webUrl: 'https://bearing.example/tab/?view=alignment',
      label: 'Bearing & co',
    };
    fc.assert(
      fc.property(contextArb, (context) => {
        const read = readTabDeepLink(tabDeepLink(target, context));
        expect(read).toMatchObject(target);
        expect(decodeTabContext(read?.subEntityId)).toEqual(context);
      }),
    );
  });

  it('is not fooled by other addresses', () => {
    expect(readTabDeepLink('https://bearing.example/tab/?view=alignment')).toBeUndefined();
    expect(readTabDeepLink('https://teams.microsoft.com/l/entity/app')).toBeUndefined();
    expect(
      readTabDeepLink('https://teams.microsoft.com/l/entity/app/tab?context=%7Bnot-json'),
    ).toBeUndefined();
  });
});
