export type Severity = 'error' | 'warning';

/** One problem in a registry: where it is, which rule, and what to do. Validation problems are data, not errors. */
export interface Finding {
  /** Relative to the registry root, with forward slashes. */
  file: string;
  line: number | null;
  column: number | null;
  rule: string;
  severity: Severity;
  message: string;
  hint: string | null;
  /** For a schema's finding: the JSON Pointer of the value it is about (`/coach`), which says what would fix it. */
  pointer?: string;
  /** For a schema's finding: the keyword the value fails (`required`), which says whether to set it or remove it. */
  keyword?: string;
  /** A command that fixes it, to run as printed (`ideas edit <id> --set coach=<text>`); added by the command. */
  fix?: string;
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
