// A Prisma client that records the SQL it sends, so that the index-plan test
// and the benchmark EXPLAIN exactly the statements the app runs, with their
// own arguments, instead of hand-written copies that could drift from them.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** One node of PostgreSQL's EXPLAIN (FORMAT JSON) plan. */
export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "Recheck Cond"?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

export interface ExplainResult {
  plan: PlanNode;
  /** Only with `analyze`: the server's execution time of the statement, in ms. */
  executionMs: number | null;
}

export interface CapturingClient {
  client: PrismaClient;
  /** The statements sent since the last call, oldest first. */
  take(): SqlQuery[];
  explain(query: SqlQuery, options?: { analyze?: boolean }): Promise<ExplainResult>;
  close(): Promise<void>;
}

/**
 * `pgOptions` are server settings for every connection of the client, e.g.
 * `-c enable_seqscan=off` for the plan test.
 */
export async function capturingClient(connectionString: string, pgOptions?: string): Promise<CapturingClient> {
  const inner = new PrismaPg({ connectionString, options: pgOptions, max: 4 });
  const captured: SqlQuery[] = [];
  let adapter: SqlDriverAdapter | undefined;
  const factory: SqlDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const connected = await inner.connect();
      adapter = connected;
      return new Proxy(connected, {
        get(target, property, receiver) {
          if (property === "queryRaw" || property === "executeRaw") {
            return (query: SqlQuery) => {
              captured.push(query);
              return property === "queryRaw" ? target.queryRaw(query) : target.executeRaw(query);
            };
          }
          const value = Reflect.get(target, property, receiver) as unknown;
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    },
  };
  const client = new PrismaClient({ adapter: factory });
  await client.$connect();
  return {
    client,
    take: () => captured.splice(0),
    async explain(query, { analyze = false } = {}) {
      if (!adapter) throw new Error("The client has not connected yet");
      const result = await adapter.queryRaw({ ...query, sql: `EXPLAIN (FORMAT JSON${analyze ? ", ANALYZE, BUFFERS OFF" : ""}) ${query.sql}` });
      const cell = result.rows[0]?.[0];
      const [output] = (typeof cell === "string" ? JSON.parse(cell) : cell) as [{ Plan: PlanNode; "Execution Time"?: number }];
      return { plan: output.Plan, executionMs: output["Execution Time"] ?? null };
    },
    close: () => client.$disconnect(),
  };
}

/** Every node of a plan, depth first. */
export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}
