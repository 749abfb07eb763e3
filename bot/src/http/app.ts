import path from 'node:path';
import express, { type Express, type RequestHandler, type Router } from 'express';
import type { Logger } from '../observability/logger';
import { errorHandler, notFound } from './errors';
import { healthRoute, readinessRoute, type BacklogProbe, type StoreProbe } from './health';
import { correlationId, withCorrelation } from '../observability/context';

/** What the HTTP layer needs from the composition root. */
export interface HttpDependencies {
  readonly logger: Logger;
  readonly storeProbe: StoreProbe;
  /** Age of the oldest due delivery, for `/readyz`; without it `/readyz` is not mounted. */
  readonly backlogProbe?: BacklogProbe;
  /** Handler for `POST /api/messages` (Bot Framework). */
  readonly messages: RequestHandler;
  /** Admission control of `POST /api/messages` (runs before its body is read); none when unset. */
  readonly messagesAdmission?: RequestHandler;
  /** Authentication for `/api/v1` (runs before every route in it). */
  readonly authenticate: RequestHandler;
  /** Admin routes (data rights) under `/api/v1/admin`; the router checks the admin role. */
  readonly admin?: Router;
  /** Imports from other tools under `/api/v1/admin/import` (admins; the router reads its own body). */
  readonly imports?: Router;
  /** The `/api/v1` routes. */
  readonly api: Router;
  /** Reading ingestion under `/api/v1/kpis/…`, authenticated with ingestion keys, not users. */
  readonly ingest?: Router;
  /** Folder of the built tab, served at `/tab/` when present. */
  readonly tabDir?: string;
  /** Production: HSTS on every answer, and the tab's source maps are not published. */
  readonly production?: boolean;
}

/**
 * The tab's Content Security Policy: its own scripts only (no inline or eval), styles inserted by
 * Fluent at run time, API calls to this server, and framing by Teams and the Microsoft 365 hosts
 * that Microsoft's tab requirements list. teams-js fetches the list of hosts it trusts from
 * TEAMS_JS_CDN on every load (`validOriginsCdnEndpoint` in @microsoft/teams-js).
 */
export const TEAMS_JS_CDN = 'https://res.cdn.office.net';
const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  `connect-src 'self' ${TEAMS_JS_CDN}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  [
    'frame-ancestors',
    "'self'",
    'https://teams.microsoft.com',
    'https://*.teams.microsoft.com',
    'https://*.cloud.microsoft',
    'https://*.microsoft365.com',
    'https://*.office.com',
    'https://outlook.office.com',
    'https://outlook.office365.com',
  ].join(' '),
].join('; ');

/** True for a path naming a source map, as the static server will decode it (`%2emap` too). */
function isSourceMap(urlPath: string): boolean {
  let decoded = urlPath;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    // Malformed escapes: the static server answers 400 itself.
  }
  return /\.map\/*$/i.test(decoded);
}

/** Builds the one HTTP app: bot endpoint, tab API, built tab and health check. */
export function createHttpApp(deps: HttpDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  // Production runs behind App Service's front end (one hop): req.ip is then the client's address.
  app.set('trust proxy', deps.production ? 1 : false);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    // App Service terminates TLS; browsers that reached us over HTTPS keep to it for a year.
    if (deps.production)
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });
  // One correlation id per request (and so per bot turn): every log line and span carries it.
  app.use((req, res, next) => {
    withCorrelation(req.get('x-correlation-id'), () => {
      res.setHeader('X-Correlation-Id', correlationId() ?? '');
      next();
    });
  });
  app.get('/healthz', healthRoute(deps.storeProbe));
  if (deps.backlogProbe) app.get('/readyz', readinessRoute(deps.storeProbe, deps.backlogProbe));
  // API answers are per caller and often personal: no browser or proxy may keep any (errors too).
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.post(
    '/api/messages',
    ...(deps.messagesAdmission ? [deps.messagesAdmission] : []),
    express.json({ limit: '256kb' }),
    deps.messages,
  );
  if (deps.ingest) app.use('/api/v1', deps.ingest);
  if (deps.imports) app.use('/api/v1/admin/import', deps.authenticate, deps.imports);
  if (deps.admin)
    app.use('/api/v1/admin', deps.authenticate, express.json({ limit: '16kb' }), deps.admin);
  app.use('/api/v1', deps.authenticate, express.json({ limit: '1mb' }), deps.api);
  app.use('/api', notFound);
  if (deps.tabDir) {
    // Source maps are built (for error reporting) but published only outside production.
    if (deps.production)
      app.use('/tab', (req, res, next) =>
        isSourceMap(req.path) ? void res.status(404).type('text/plain').send('Not found') : next(),
      );
    app.use('/tab', (_req, res, next) => {
      res.setHeader('Content-Security-Policy', TAB_CSP);
      next();
    });
    app.use(
      '/tab',
      express.static(deps.tabDir, {
        index: 'index.html',
        // Built assets have content hashes in their names; the page that names them must not be
        // cached, or a deploy leaves users on the old bundle.
        setHeaders: (res, file) =>
          res.setHeader(
            'Cache-Control',
            file.includes(`${path.sep}assets${path.sep}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          ),
      }),
    );
  }
  app.use(errorHandler(deps.logger));
  return app;
}
