// Shared by tests that lint a corpus: a report's range must never run backwards (issue 21, item 3).
/** Whether a report's range runs forwards: its end at or after its start (or no end at all). */
export function runsForward(m: { line: number; column: number; endLine?: number | undefined; endColumn?: number | undefined }): boolean {
  if (m.endLine === undefined) return true;
  return m.endLine > m.line || (m.endLine === m.line && (m.endColumn ?? m.column) >= m.column);
}
