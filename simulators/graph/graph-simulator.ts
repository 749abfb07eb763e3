import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A team member as Microsoft Graph lists it (`conversationMember`, usually aadUserConversationMember). */
export interface GraphMemberSpec {
  readonly userId: string;
  readonly tenantId: string;
  readonly roles?: readonly string[];
  readonly type?: string;
}

/** How the simulated Graph answers a team's member list. */
export type GraphMode = 'ok' | 'forbidden' | 'hang';

/**
 * Microsoft Graph's `GET /v1.0/teams/{id}/members` as documented: `value` pages of
 * conversationMember with `roles` (`owner`, `guest`), `@odata.nextLink` while more remain, 403
 * when the app holds no permission for the team (RSC `TeamMember.Read.Group` not granted), 404 for
 * an unknown team. `hang` accepts the request and never answers.
 */
export async function startGraphSimulator(
  teams: Record<string, readonly GraphMemberSpec[]>,
  options: { pageSize?: number } = {},
) {
  let mode: GraphMode = 'ok';
  const requests: { url: string; authorization?: string }[] = [];
  const pageSize = options.pageSize ?? 100;
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    const url = new URL(req.url ?? '/', 'http://graph.local');
    const m = /^\/v1\.0\/teams\/([^/]+)\/members$/.exec(url.pathname);
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (mode === 'hang') return void hanging.add(res);
    if (!req.headers.authorization?.startsWith('Bearer '))
      return json(401, { error: { code: 'InvalidAuthenticationToken', message: 'No token.' } });
    if (mode === 'forbidden')
      return json(403, {
        error: {
          code: 'Forbidden',
          message:
            "Missing role permissions on the request. API requires one of 'TeamMember.Read.Group'.",
        },
      });
    const members = m && teams[decodeURIComponent(m[1] as string)];
    if (!members) return json(404, { error: { code: 'NotFound', message: 'No such team.' } });
    const top = Math.min(Number(url.searchParams.get('$top') ?? 100), pageSize);
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const page = members.slice(skip, skip + top);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    json(200, {
      value: page.map((p, i) => ({
        '@odata.type': p.type ?? '#microsoft.graph.aadUserConversationMember',
        id: `membership-${skip + i}`,
        roles: p.roles ?? [],
        displayName: `Person ${skip + i}`,
        userId: p.userId,
        tenantId: p.tenantId,
      })),
      ...(skip + top < members.length
        ? { '@odata.nextLink': `${origin}${url.pathname}?$top=${top}&$skiptoken=${skip + top}` }
        : {}),
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`,
    requests,
    setMode: (next: GraphMode) => {
      mode = next;
    },
    stop: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
