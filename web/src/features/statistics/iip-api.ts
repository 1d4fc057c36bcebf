/** Hooks of the IIP explorer and the structure page: one per call (series, bases, contributions, structure, VSIC names). */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { components, paths } from "../../api/schema.ts";
import { api, unwrap } from "../../lib/api.ts";

type Get<K extends keyof paths> = paths[K] extends {
  get: {
    parameters: { query?: infer Q };
    responses: { 200: { content: { "application/json": infer R } } };
  };
}
  ? { query: NonNullable<Q>; answer: R }
  : never;

export type SeriesQuery = Get<"/api/v1/statistics/iip/series">["query"];
export type Series = Get<"/api/v1/statistics/iip/series">["answer"];
export type SeriesPoint = Series["points"][number];
export type ContributionsQuery = Get<"/api/v1/statistics/iip/contributions">["query"];
export type Contribution = Get<"/api/v1/statistics/iip/contributions">["answer"][number];
export type StructureQuery = Get<"/api/v1/statistics/structure">["query"];
export type Structure = NonNullable<Get<"/api/v1/statistics/structure">["answer"]>;
export type Share = Structure["by_ownership"][number];
type VsicNode = components["schemas"]["VsicNode"];
export type IipBase = Get<"/api/v1/statistics/iip/bases">["answer"][number];

const kept = { placeholderData: keepPreviousData } as const;

export function useIipSeries(query: SeriesQuery, enabled = true) {
  return useQuery({
    queryKey: ["statistics", "iip-series", query],
    queryFn: () => unwrap(api.GET("/api/v1/statistics/iip/series", { params: { query } })),
    enabled,
    ...kept,
  });
}

/** The bases the IIP can be read on (a change of base chain-links the months computed on an older one). */
export function useIipBases() {
  return useQuery({
    queryKey: ["statistics", "iip-bases"],
    queryFn: () => unwrap(api.GET("/api/v1/statistics/iip/bases")),
    staleTime: 10 * 60_000,
  });
}

/** Contributions to the total's growth against the same month last year; asked only once a month is known. */
export function useIipContributions(query: ContributionsQuery | undefined) {
  return useQuery({
    queryKey: ["statistics", "iip-contributions", query],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/statistics/iip/contributions", { params: { query: query as ContributionsQuery } }),
      ),
    enabled: query !== undefined,
    ...kept,
  });
}

export function useStructure(query: StructureQuery | undefined) {
  return useQuery({
    queryKey: ["statistics", "structure", query],
    queryFn: () =>
      unwrap(api.GET("/api/v1/statistics/structure", { params: { query: query as StructureQuery } })),
    enabled: query !== undefined,
    ...kept,
  });
}

export interface VsicNames {
  /** Code → Vietnamese name, for sections (B), divisions (2 digits) and classes (4 digits). */
  name: Map<string, string>;
  /** The codes of each level of the industry (B–E), in code order. */
  codes: { section: string[]; division: string[]; class: string[] };
}

const LEVELS = { 1: "section", 2: "division", 4: "class" } as const;

function namesOf(tree: VsicNode[]): VsicNames {
  const out: VsicNames = { name: new Map(), codes: { section: [], division: [], class: [] } };
  const walk = (nodes: VsicNode[]) => {
    for (const n of nodes) {
      const level = LEVELS[n.level as keyof typeof LEVELS];
      if (level) {
        out.name.set(n.code, n.name_vi);
        out.codes[level].push(n.code);
      }
      walk(n.children);
    }
  };
  walk(tree);
  return out;
}

/** The VSIC 2025 names (Vietnamese only: the classification has no official English names here). */
export function useVsicNames() {
  return useQuery({
    queryKey: ["reference", "vsic-tree"],
    queryFn: () => unwrap(api.GET("/api/v1/reference/vsic/tree")),
    staleTime: Number.POSITIVE_INFINITY,
    select: namesOf,
  });
}
