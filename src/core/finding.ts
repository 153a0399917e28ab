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
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
