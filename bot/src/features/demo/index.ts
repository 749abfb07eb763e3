// What other folders use of the demo feature: import it from here, not from its files.
export {
  DEMO_FISCAL_START_MONTH,
  DEMO_TEAM_ID,
  DEMO_TENANT_ID,
  DEMO_TIME_ZONE,
  DEMO_USERS,
  buildDemoOrganization,
} from './demo-organization';
export type { DemoOrganization } from './demo-organization';
export { seedDemoOrganization } from './seed-demo';
