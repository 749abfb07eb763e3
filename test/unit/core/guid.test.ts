import { schemas } from '@bearing/core';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../../bot/src/features/demo/demo-organization';

// Entra tenant and object ids are GUIDs: 8-4-4-4-12 hex digits, nothing longer or shorter.
describe('guid', () => {
  it.each([
    '72f988bf-86f1-41af-91ab-2d7cd011db47',
    '00000000-0000-0000-0000-000000000001',
    'ABCDEF01-2345-6789-ABCD-EF0123456789',
  ])('accepts %s', (value) => {
    expect(schemas.guid.safeParse(value).success).toBe(true);
  });

  it.each([
    '00000000-0000-0000-0000-0000000000001',
    '00000000-0000-0000-0000-00000000001',
    '72f988bf86f141af91ab2d7cd011db47',
    '{72f988bf-86f1-41af-91ab-2d7cd011db47}',
    '72f988bf-86f1-41af-91ab-2d7cd011db4g',
    '19:abc@thread.tacv2',
    '29:1abc',
    '',
  ])('refuses %s', (value) => {
    expect(schemas.guid.safeParse(value).success).toBe(false);
  });

  it('the demo tenant and users have real GUIDs, like a real tenant', () => {
    for (const value of [DEMO_TENANT_ID, ...DEMO_USERS.map((u) => u.userId)])
      expect(schemas.guid.safeParse(value).success).toBe(true);
  });

  it("GET /me answers the caller's Entra tenant and object id", () => {
    const me = {
      tenantId: DEMO_TENANT_ID,
      userId: DEMO_USERS[0].userId,
      displayName: 'Alex',
      identitySource: 'local',
      teams: [],
    };
    expect(schemas.meResponse.safeParse(me).success).toBe(true);
    expect(schemas.meResponse.safeParse({ ...me, tenantId: 'contoso' }).success).toBe(false);
    expect(schemas.meResponse.safeParse({ ...me, userId: '29:1abc' }).success).toBe(false);
  });
});
