/** buildApp(deps) assembles the HTTP server without listening, so tests call app.inject(). */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { registerErrorHandling } from "./http/error-handler.ts";
import { healthRoutes } from "./http/health.routes.ts";
import type { App, AppDeps } from "./http/types.ts";
import { enterprisesRoutes } from "./modules/enterprises/enterprises.routes.ts";
import { importsRoutes } from "./modules/imports/imports.routes.ts";
import { projectsRoutes } from "./modules/projects/projects.routes.ts";
import { referenceRoutes } from "./modules/reference/reference.routes.ts";
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
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

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
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  for (const routes of [
    healthRoutes,
    referenceRoutes,
    zonesRoutes,
    enterprisesRoutes,
    projectsRoutes,
    summaryRoutes,
    importsRoutes,
  ]) {
    await routes(app, deps);
  }

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  }
  return app;
}
