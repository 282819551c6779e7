// Inline control, as markdownlint does it: HTML comments in the referat switch rules off.
//   <!-- referat-disable-next-line vote-tally -->   the next line
//   <!-- referat-disable-line unknown-member -->    this line
//   <!-- referat-disable toc-mismatch --> ... <!-- referat-enable toc-mismatch -->   a stretch
//   <!-- referat-disable-file -->                   the whole document
// Without rule ids, a directive applies to every rule.

const DIRECTIVE = /<!--\s*referat-(disable-next-line|disable-line|disable-file|disable|enable)((?:[\s,]+[a-z][a-z0-9-]*)*)\s*-->/g;

export interface Directives {
  /** True when `ruleId` is switched off on `line` (0-based). */
  disabled(ruleId: string, line: number): boolean;
}

type Scope = { all: boolean; ids: Set<string> };

export function readDirectives(lines: readonly string[]): Directives {
  const perLine = new Map<number, Scope>();
  const file: Scope = { all: false, ids: new Set() };
  // Stretches: for each rule id ('*' for all), the lines where it is off.
  const stretches: { id: string; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  const add = (line: number, ids: string[]) => {
    const s = perLine.get(line) ?? { all: false, ids: new Set<string>() };
    if (ids.length === 0) s.all = true;
    for (const id of ids) s.ids.add(id);
    perLine.set(line, s);
  };
  lines.forEach((text, i) => {
    if (!text.includes('referat-')) return;
    for (const m of text.matchAll(DIRECTIVE)) {
      const ids = m[2].split(/[\s,]+/).filter(Boolean);
      switch (m[1]) {
        case 'disable-next-line':
          add(i + 1, ids);
          break;
        case 'disable-line':
          add(i, ids);
          break;
        case 'disable-file':
          if (ids.length === 0) file.all = true;
          for (const id of ids) file.ids.add(id);
          break;
        case 'disable':
          for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, i);
          break;
        case 'enable':
          for (const id of ids.length ? ids : [...open.keys()]) {
            const from = open.get(id);
            if (from !== undefined) stretches.push({ id, from, to: i });
            open.delete(id);
          }
          break;
      }
    }
  });
  for (const [id, from] of open) stretches.push({ id, from, to: Infinity });
  return {
    disabled(ruleId, line) {
      if (file.all || file.ids.has(ruleId)) return true;
      const s = perLine.get(line);
      if (s && (s.all || s.ids.has(ruleId))) return true;
      return stretches.some((r) => (r.id === '*' || r.id === ruleId) && line >= r.from && line <= r.to);
    },
  };
}
