/** buildApp(deps) assembles the HTTP server without listening, so tests call app.inject(). */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { constants as zlib } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyCors from "@fastify/cors";
import fastifyHelmet from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyRequest, type RouteOptions } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { OPEN, type RouteAccess, registerAccess } from "./http/access.ts";
import { registerErrorHandling } from "./http/error-handler.ts";
import { healthRoutes } from "./http/health.routes.ts";
import type { App, AppDeps, RouteDeps } from "./http/types.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { enterprisesRoutes } from "./modules/enterprises/enterprises.routes.ts";
import { casesRoutes } from "./modules/environment/cases.routes.ts";
import { environmentRoutes } from "./modules/environment/environment.routes.ts";
import { createIngester } from "./modules/environment/ingest.service.ts";
import { limitTablesRoutes } from "./modules/environment/limit-tables.routes.ts";
import { sensorThingsRoutes } from "./modules/environment/sensorthings.routes.ts";
import { stationsRoutes } from "./modules/environment/stations.routes.ts";
import { authRoutes } from "./modules/identity/auth.routes.ts";
import { ROLES, scopeOf } from "./modules/identity/policy.ts";
import { tokensRoutes } from "./modules/identity/tokens.routes.ts";
import { usersRoutes } from "./modules/identity/users.routes.ts";
import { importsRoutes } from "./modules/imports/imports.routes.ts";
import { catalogueRoutes } from "./modules/investment/catalogue.routes.ts";
import { reportsRoutes } from "./modules/investment/reports.routes.ts";
import { supervisionRoutes } from "./modules/investment/supervision.routes.ts";
import { projectsRoutes } from "./modules/projects/projects.routes.ts";
import { referenceRoutes } from "./modules/reference/reference.routes.ts";
import { indicatorsRoutes } from "./modules/statistics/indicators.routes.ts";
import { productionRoutes } from "./modules/statistics/production.routes.ts";
import { statisticsRoutes } from "./modules/statistics/statistics.routes.ts";
import { summaryRoutes } from "./modules/summary/summary.routes.ts";
import { zonesRoutes } from "./modules/zones/zones.routes.ts";

export const API_VERSION = "0.1.0";
const WEB_DIST = fileURLToPath(new URL("../../dist/web/", import.meta.url));

export interface BuildOptions {
  logger?: boolean | { level: string };
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel },
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    trustProxy: deps.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // Links cannot set Accept-Language: `?lang=vi|en` chooses the language of an answer or export.
  app.addHook("onRequest", async (request) => {
    const lang = (request.query as { lang?: unknown } | undefined)?.lang;
    if (lang === "vi" || lang === "en") request.headers["accept-language"] = lang;
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  const routeDeps: RouteDeps = {
    ...deps,
    ingester: deps.ingester ?? createIngester(deps.db, deps.copyTransaction),
  };
  await registerHardening(app, deps);
  registerAccess(app, deps);
  app.addHook("onRoute", documentAccess);
  // Every route, kept so a test can check that each one declares its access (read after ready()).
  const routes: RouteOptions[] = [];
  app.decorate("registeredRoutes", routes);
  app.addHook("onRoute", (route) => void routes.push(route));

  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.config.importMaxBytes, files: 1, fields: 10 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Hải Phòng Industry API",
        description:
          "Cơ sở dữ liệu phục vụ quản lý nhà nước về công nghiệp thành phố Hải Phòng / Industrial state-management database of Hải Phòng",
        version: API_VERSION,
        license: { name: "Apache-2.0" },
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "hpi_session" },
          token: { type: "http", scheme: "bearer", description: "Khoá API / API token (hpi_…)" },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(async (docs) => {
    docs.addHook("onRoute", declareOpen);
    await docs.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  });
  app.get("/api/openapi.json", { config: { access: OPEN }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  for (const routes of [
    healthRoutes,
    authRoutes,
    tokensRoutes,
    usersRoutes,
    auditRoutes,
    referenceRoutes,
    zonesRoutes,
    enterprisesRoutes,
    projectsRoutes,
    summaryRoutes,
    importsRoutes,
    environmentRoutes,
    limitTablesRoutes,
    stationsRoutes,
    casesRoutes,
    catalogueRoutes,
    supervisionRoutes,
    reportsRoutes,
    statisticsRoutes,
    indicatorsRoutes,
    productionRoutes,
    sensorThingsRoutes,
  ]) {
    await routes(app, routeDeps);
  }

  if (existsSync(WEB_DIST)) {
    await app.register(async (web) => {
      web.addHook("onRoute", declareOpen);
      await web.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
      // The web app's own paths (/khu/KCN-DINHVU …) are routed in the browser: answer with its page.
      web.get("/*", { schema: { hide: true } }, (req, reply) => {
        // Unknown API paths and assets of another build are 404, never the app's page.
        if (req.url.startsWith("/api/") || req.url.startsWith("/assets/")) return reply.callNotFound();
        return reply.header("cache-control", "no-cache").sendFile("index.html");
      });
    });
  }
  return app;
}

/** Routes that plugins add (documentation, the built web app) are open static content. */
function declareOpen(route: RouteOptions): void {
  route.config = {
    ...(route.config as object),
    access: (route.config as { access?: RouteAccess })?.access ?? OPEN,
  };
}

/** Writes each route's permission into its OpenAPI description, so the contract states who may call it. */
function documentAccess(route: RouteOptions): void {
  const access = (route.config as { access?: RouteAccess } | undefined)?.access;
  const schema = route.schema as { description?: string; security?: unknown; hide?: boolean } | undefined;
  // HEAD routes share their GET's schema object: describe it once.
  if (!access?.permission || !schema || schema.hide || schema.description?.includes(ACCESS_MARK)) return;
  const permission = access.permission;
  const isPublic = scopeOf(null, permission) !== null;
  const holders = ROLES.flatMap((role) => {
    const scope = scopeOf({ id: "", role, zones: new Set(), taxCodes: [] }, permission);
    return scope ? [`${role} (${scope})`] : [];
  });
  const who = isPublic ? "công khai / public" : holders.join(", ");
  const line = `${ACCESS_MARK} \`${permission}\` — ${who}.`;
  schema.description = schema.description ? `${schema.description}\n\n${line}` : line;
  if (!isPublic) schema.security = [{ session: [] }, { token: [] }];
}
const ACCESS_MARK = "Quyền / Permission:";

/** Security headers, CORS (off unless configured), rate limits and cookies. */
async function registerHardening(app: App, deps: AppDeps): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // A configured tile server is the one outside origin the map may load images from.
        imgSrc: [
          "'self'",
          "data:",
          "blob:",
          ...(deps.config.mapTilesUrl
            ? [new URL(deps.config.mapTilesUrl.replace(/\{[a-z]\}/g, "0")).origin]
            : []),
        ],
        workerSrc: ["'self'", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  if (deps.config.corsOrigins.length) {
    await app.register(fastifyCors, {
      origin: [...deps.config.corsOrigins],
      credentials: false,
      methods: ["GET", "HEAD", "POST", "PATCH", "DELETE"],
      allowedHeaders: ["authorization", "content-type", "accept-language"],
      exposedHeaders: ["x-request-id", "content-disposition"],
      maxAge: 600,
    });
  }
  // App-wide hooks registered before the access hooks, so a request is counted before any session
  // or token lookup, and one with a made-up token cannot escape the count. Counted by address.
  await app.register(fastifyRateLimit, { global: false, keyGenerator: (req) => req.ip });
  const limits = { timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => req.ip };
  const general =
    deps.config.rateLimitPerMinute > 0
      ? app.rateLimit({ ...limits, max: deps.config.rateLimitPerMinute })
      : null;
  const signIn = app.rateLimit({ ...limits, max: deps.config.loginRateLimitPerMinute });
  app.addHook("onRequest", async (req, reply) => {
    const limit = req.routeOptions.config.strictRateLimit ? signIn : general;
    if (limit) await limit.call(app, req, reply);
  });
  await app.register(fastifyCookie);
  // Brotli at a moderate quality: most of the gain at a fraction of the CPU of the maximum.
  await app.register(fastifyCompress, {
    encodings: ["br", "gzip"],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
