/** The registry's config file: its name alone, for what must find a registry without loading its parser (help). */
export const CONFIG_FILE = 'ideas.config.yaml';
