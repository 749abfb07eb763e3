import type { RequestHandler } from 'express';
import type { TenantId, UserId } from '@bearing/core';
import { sendError } from './errors';
import { isLoopback } from './loopback';

/** Who is calling the tab API: always (tenant, user) from a verified token, never from context. */
export interface CallerIdentity {
  readonly tenantId: TenantId;
  readonly userId: UserId;
  readonly name: string;
  /** `local` only in local mode, for the explicit development identity. */
  readonly source: 'sso' | 'local';
  /** Entra app roles from the token's `roles` claim (e.g. `Bearing.Admin`); none when absent. */
  readonly roles?: readonly string[];
}

/** Resolves the caller of a request, or undefined when it is not authenticated. */
export type IdentityResolver = (
  authorization: string | undefined,
) => Promise<CallerIdentity | undefined>;

/** Express locals key under which the authenticated caller is stored. */
export const CALLER = 'caller';

/**
 * Authenticates every `/api/v1` request. In local mode (no SSO app configured) loopback callers
 * get the explicit local development identity; otherwise a valid token is required.
 */
export function authenticate(options: {
  readonly localIdentity?: CallerIdentity;
  readonly resolve: IdentityResolver;
}): RequestHandler {
  return async (req, res, next) => {
    try {
      const header = req.get('authorization');
      let caller = header ? await options.resolve(header) : undefined;
      if (!caller && !header && options.localIdentity && isLoopback(req))
        caller = options.localIdentity;
      if (!caller) {
        sendError(res, 401, 'AUTH.UNAUTHENTICATED', 'Sign in to Teams to use Bearing.');
        return;
      }
      res.locals[CALLER] = caller;
      next();
    } catch (error) {
      next(error);
    }
  };
}
