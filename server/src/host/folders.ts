// Which folders a walk for referater skips, for `referat lint DIR` and the server's workspace scan
// alike: dependencies and hidden folders (.git, .vscode) hold no minutes.
export function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}
