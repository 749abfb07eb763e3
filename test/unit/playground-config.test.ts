import fs from 'node:fs';
import path from 'node:path';
import {
  DEMO_TEAM_ID,
  DEMO_TENANT_ID,
  DEMO_USERS,
} from '../../bot/src/features/demo/demo-organization';

// The Playground's users must be the seeded demo users, or checking in as Alex finds no team.
describe('Agents Playground configuration', () => {
  const yml = fs.readFileSync(
    path.resolve(__dirname, '..', '..', '.m365agentsplayground.yml'),
    'utf8',
  );

  it('uses the demo tenant and team', () => {
    expect(yml).toContain(`tenantId: ${DEMO_TENANT_ID}\n`);
    expect(yml).toContain(`aadGroupId: ${DEMO_TEAM_ID}\n`);
  });

  it('lists every demo user with their object id, Alex as the current user', () => {
    for (const u of DEMO_USERS)
      expect(yml).toMatch(new RegExp(`name: ${u.name}\\n[^]*?aadObjectId: ${u.userId}\\n`));
    expect(yml).toMatch(
      new RegExp(
        `currentUser:\\n  id: user-id-0\\n  name: Alex Wilber\\n[^]*?aadObjectId: ${DEMO_USERS[0].userId}`,
      ),
    );
  });
});
