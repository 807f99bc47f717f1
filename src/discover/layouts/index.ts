// Every layout, in the order detection breaks ties (more specific first).
import type { LayoutName } from '../../core/types.js';
import { dbmate } from './dbmate.js';
import { directoryPairs } from './directory-pairs.js';
import { drizzle } from './drizzle.js';
import { flyway } from './flyway.js';
import { golangMigrate } from './golang-migrate.js';
import { goose } from './goose.js';
import { liquibaseSql } from './liquibase-sql.js';
import { plain } from './plain.js';
import { pop } from './pop.js';
import { prisma } from './prisma.js';
import { sqitch } from './sqitch.js';
import { sqlx } from './sqlx.js';
import { supabase } from './supabase.js';
import type { Layout } from './types.js';
import { versionedRollbacks } from './versioned-rollbacks.js';

export const LAYOUT_MODULES: readonly Layout[] = [
  liquibaseSql, dbmate, goose, sqitch, prisma, directoryPairs, pop, golangMigrate, flyway,
  drizzle, supabase, versionedRollbacks, sqlx, plain,
];

export function layoutModule(name: LayoutName): Layout {
  return LAYOUT_MODULES.find((l) => l.name === name)!;
}

export type { Layout, LayoutFiles, LayoutBuild, DraftMigration, RollbackConvention } from './types.js';
