// The config's named rule sets, apart from its zod schema: the CLI checks `--preset` on every
// run, and importing the schema for this list would load zod (the largest chunk a lint loads)
// into runs that have no config file.

/** Named sets of rules to turn on, for users coming from another tool. */
export const PRESETS = ['squawk'] as const;
export type Preset = (typeof PRESETS)[number];
