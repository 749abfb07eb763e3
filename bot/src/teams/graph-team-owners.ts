import type { TeamOwnerDirectory } from '../features/team';
import type { Logger } from '../observability/logger';
import { withSpan } from '../observability/telemetry';
import type { BotTokenProvider } from './bot-token';

/** Microsoft Graph v1.0 (public cloud). */
export const GRAPH_URL = 'https://graph.microsoft.com/v1.0';

// Graph pages team members at most 999 at a time; a team has at most 25,000 members.
const PAGE_SIZE = 999;
const MAX_PAGES = 26;

interface GraphMember {
  readonly '@odata.type'?: string;
  readonly userId?: string;
  readonly tenantId?: string;
  readonly roles?: readonly string[];
}

/**
 * The team's owners from Microsoft Graph (`GET /teams/{id}/members`, members whose `roles` hold
 * `owner`), with the app's own token (resource-specific consent `TeamMember.Read.Group`). Only
 * Entra users of the team's own tenant count: Graph also marks external (cross-tenant) members
 * `owner`, and guests are never owners. The whole lookup has one deadline; past it, a 403 (the
 * permission was not granted) or any failure, the answer is "unknown" and nothing changes.
 */
export class GraphTeamOwners implements TeamOwnerDirectory {
  constructor(
    private readonly token: BotTokenProvider,
    private readonly logger: Logger,
    private readonly options: { readonly baseUrl?: string; readonly deadlineMs?: number } = {},
  ) {}

  ownersOf(tenantId: string, teamId: string): Promise<readonly string[] | undefined> {
    return withSpan('graph team owners', { 'bearing.operation': 'team owners' }, () =>
      this.lookup(tenantId, teamId),
    );
  }

  private async lookup(tenantId: string, teamId: string): Promise<string[] | undefined> {
    const signal = AbortSignal.timeout(this.options.deadlineMs ?? 5_000);
    const base = (this.options.baseUrl ?? GRAPH_URL).replace(/\/+$/, '');
    try {
      const token = await this.token();
      if (!token) return undefined;
      const owners: string[] = [];
      let url: string | undefined =
        `${base}/teams/${encodeURIComponent(teamId)}/members?$top=${PAGE_SIZE}`;
      for (let page = 0; url && page < MAX_PAGES; page += 1) {
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal });
        if (!res.ok) {
          await res.body?.cancel();
          // 403: the team's owner did not grant TeamMember.Read.Group (or the tenant blocks RSC).
          this.logger.warn('team owners unavailable', { teamId, status: res.status });
          return undefined;
        }
        const body = (await res.json()) as { value?: GraphMember[]; '@odata.nextLink'?: string };
        for (const m of body.value ?? []) {
          const user = m['@odata.type'] === '#microsoft.graph.aadUserConversationMember';
          const roles = m.roles ?? [];
          if (user && m.userId && (m.tenantId ?? tenantId) === tenantId)
            if (roles.includes('owner') && !roles.includes('guest')) owners.push(m.userId);
        }
        const next = body['@odata.nextLink'];
        // Follow Graph's own links only: a token is never sent anywhere else.
        url = next?.startsWith(`${base}/`) ? next : undefined;
      }
      return owners;
    } catch (error) {
      const name = (error as Error).name;
      this.logger.warn('team owners unavailable', {
        teamId,
        error: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : name,
      });
      return undefined;
    }
  }
}
