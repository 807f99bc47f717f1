// The report formats the CLI offers (main.ts lists them in --help without loading the renderers).
export const FORMATS = ['pretty', 'json', 'sarif', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];
