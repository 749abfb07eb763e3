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
  /** Authentication for `/api/v1` (runs before every route in it). */
  readonly authenticate: RequestHandler;
  /** Admin routes (data rights) under `/api/v1/admin`; the router checks the admin role. */
  readonly admin?: Router;
  /** The `/api/v1` routes. */
  readonly api: Router;
  /** Reading ingestion under `/api/v1/kpis/…`, authenticated with ingestion keys, not users. */
  readonly ingest?: Router;
  /** Folder of the built tab, served at `/tab/` when present. */
  readonly tabDir?: string;
}

/** Builds the one HTTP app: bot endpoint, tab API, built tab and health check. */
export function createHttpApp(deps: HttpDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
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
  app.post('/api/messages', express.json({ limit: '256kb' }), deps.messages);
  if (deps.ingest) app.use('/api/v1', deps.ingest);
  if (deps.admin)
    app.use('/api/v1/admin', deps.authenticate, express.json({ limit: '16kb' }), deps.admin);
  app.use('/api/v1', deps.authenticate, express.json({ limit: '1mb' }), deps.api);
  app.use('/api', notFound);
  if (deps.tabDir)
    app.use('/tab', express.static(deps.tabDir, { index: 'index.html', maxAge: '1h' }));
  app.use(errorHandler(deps.logger));
  return app;
}
