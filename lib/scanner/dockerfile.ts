// Just enough of a Dockerfile parser for the rules: instructions with their
// line, continuation lines joined, grouped into build stages.
export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  from: Instruction;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const start = index;
    let joined = lines[index] ?? "";
    while (/\\\s*$/.test(joined) && index + 1 < lines.length) {
      index++;
      joined = joined.replace(/\\\s*$/, " ") + (lines[index] ?? "");
    }
    const match = /^\s*([A-Za-z]+)\s+(.*\S)\s*$/.exec(joined);
    if (!match || joined.trimStart().startsWith("#")) continue;
    const instruction = { keyword: match[1]!.toUpperCase(), args: match[2]!, line: start + 1 };
    if (instruction.keyword === "FROM") stages.push({ from: instruction, instructions: [] });
    else stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

/** `KEY=value KEY2=value` or the legacy `KEY value` form of ENV and ARG. */
export function assignments(args: string): { name: string; value: string | null }[] {
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+(?!\S*=)(.+)$/.exec(args);
  if (legacy) return [{ name: legacy[1]!, value: unquote(legacy[2]!) }];
  const found: { name: string; value: string | null }[] = [];
  for (const part of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|'[^']*'|\S*))?/g)) {
    found.push({ name: part[1]!, value: part[2] === undefined ? null : unquote(part[2]) });
  }
  return found;
}

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, "$2");
}
