/** The region's file: its name alone, for what must find a region without loading its parser (help, early errors). */
export const REGION_FILE = 'ideas.region.yaml';
