// Where a repository keeps its config file, first match wins. Apart from the loader so a caller
// can see there is no config file without loading the YAML parser and the schema.
export const CONFIG_FILE_NAMES = ['.migration-guard.yml', '.migration-guard.yaml', '.github/migration-guard.yml'];
