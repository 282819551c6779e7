// A reader or rule bug, said on stderr: the command goes on with the file's other findings, and
// the user sees which file and rule to report.
export function readFailure(file: string): (error: unknown) => void {
  return (error) => console.error(`referat: reading ${file} failed:`, error);
}

export function ruleFailure(file: string): (ruleId: string, error: unknown) => void {
  return (ruleId, error) => console.error(`referat: rule ${ruleId} failed on ${file}:`, error);
}
