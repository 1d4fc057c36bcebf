import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "../config.ts";
import type { CopyTransaction, DatabaseKind, Db } from "../db/database.ts";
import type { Ingester } from "../modules/environment/ingest.service.ts";

export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What routes need: passed explicitly, never reached through globals. */
export interface AppDeps {
  db: Db;
  dbKind: DatabaseKind;
  config: Config;
  /** Shared by the HTTP bulk routes and the MQTT ingestion, so both group their commits. */
  ingester?: Ingester;
  /** PostgreSQL: lets the ingester load readings with COPY. */
  copyTransaction?: CopyTransaction;
}

/** What routes receive: buildApp supplies an ingester when the caller did not. */
export type RouteDeps = AppDeps & { ingester: Ingester };
