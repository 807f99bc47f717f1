// What a column is and carries, read from the catalogs of a database that holds the schema
// before a migration: an online type change (a new column and a swap) must re-create all of it
// on the new column, or end in another schema than ALTER COLUMN TYPE would; a batched UPDATE
// compares the column with its new value as that type.
export interface ColumnShape {
  /** The column's type as format_type prints it: `character varying(500)`, `public.mood[]`. */
  type: string;
  notNull: boolean;
  /** The DEFAULT expression as pg_get_expr prints it. */
  default?: string;
  /** Indexes that read the column (key, expression, INCLUDE or predicate). */
  indexes: Array<{
    name: string;
    /** pg_get_indexdef. */
    definition: string;
    /** The PRIMARY KEY or UNIQUE constraint the index backs. */
    constraint?: { name: string; kind: 'primary-key' | 'unique'; deferrable: boolean; deferred: boolean };
  }>;
  /** CHECK and FOREIGN KEY constraints of the table that read the column. */
  constraints: Array<{ name: string; definition: string; validated: boolean }>;
  /** The sequence the column owns (serial): dropping the old column would drop it. */
  ownedSequence?: string;
  /** What ties the column down so that no online swap can carry it (views, identity, ...). */
  blockers: string[];
}

/** Key of a column in AnalyzedMigration.columnShapes: `schema.table|column`. */
export function columnShapeKey(table: string, column: string): string {
  return `${table}|${column}`;
}
