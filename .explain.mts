import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadLoginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { loginTokenFiltersFromSearchParams } from "@/lib/login-tokens/search-params-filters";
import { loginTokenOrderBy, loginTokenWhere } from "@/lib/login-tokens/where";

const url = process.env.DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url });
const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
const captured: { query: string; params: unknown[] }[] = [];
prisma.$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) }));

const cases = process.argv.slice(2);
for (const qs of cases) {
  const params = loadLoginTokensSearchParams(new URLSearchParams(qs));
  const where = loginTokenWhere(loginTokenFiltersFromSearchParams(params));
  captured.length = 0;
  await prisma.loginToken.findMany({ where, orderBy: loginTokenOrderBy(params.sort), skip: (params.page - 1) * params.perPage, take: params.perPage, select: { id: true, userName: true } });
  await prisma.loginToken.count({ where, take: 10_001, orderBy: loginTokenOrderBy(params.sort) });
  for (const { query, params: values } of captured) {
    const plan = await pool.query(`EXPLAIN (ANALYZE, FORMAT TEXT) ${query}`, values);
    const lines = plan.rows.map((r) => r["QUERY PLAN"] as string);
    const scans = lines.filter((l) => /Scan|Sort|Limit/.test(l)).map((l) => l.trim().replace(/\(cost.*?\)\s*/, "").slice(0, 110)).slice(0, 4);
    if (process.env.SHOW_SQL) console.log(query);
    console.log(`${qs || "(default)"} | ${query.startsWith("SELECT COUNT") ? "count" : "page "} | ${lines.at(-1)} | ${scans.join(" ; ")}`);
  }
}
await prisma.$disconnect();
