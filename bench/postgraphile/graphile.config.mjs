// PostGraphile 5 as the benchmark's peer (bench/run.sh starts it; not part of the product).
// Environment: DATABASE_URL, PG_PORT (listen port), PG_POOL_MAX (pool size, same as ours).
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";
import { PgAggregatesPreset } from "@graphile/pg-aggregates";

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset, PgAggregatesPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["public"],
      poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 10) },
      // The same footing as our gateway's admin requests: one transaction per request as the
      // row-level-security role, with every team visible (the policies still run).
      pgSettings: () => ({
        role: "cybershield_app",
        "cybershield.all_teams": "on",
        "cybershield.team_ids": "",
      }),
    }),
  ],
  schema: {
    // Relation filters (S4) need this; off by default in the filter plugin.
    connectionFilterRelations: true,
  },
  grafserv: {
    port: Number(process.env.PG_PORT ?? 5678),
    host: "127.0.0.1",
    graphiql: false,
    watch: false,
  },
  grafast: {
    explain: false,
  },
};

export default preset;
