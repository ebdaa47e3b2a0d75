// A hint, not a proof: does the code handle SIGTERM at all, and does the
// container deliver the signal to it? A shell-form CMD runs the service under
// /bin/sh, which does not pass SIGTERM on, so the process is killed mid-work.
import type { Dockerfile, RepoFile } from "../repo";
import { perService } from "./services";
import { defineRule, count, isSource, matchingLines, type Finding } from "../rule";

const HANDLERS: RegExp[] = [
  /process\.(?:on|once|addListener|prependListener)\(\s*["'`]SIGTERM["'`]|@godaddy\/terminus|http-terminator|\bstoppable\(|\blightship\b|enableShutdownHooks\(/, // Node
  /signal\.signal\(\s*signal\.SIGTERM|add_signal_handler\(\s*signal\.SIGTERM/, // Python
  /signal\.Notify(?:Context)?\(|(?:syscall|unix)\.SIGTERM/, // Go (the signals are often a variable)
  /(?:Signal\.)?trap\(\s*["'](?:SIG)?TERM["']/, // Ruby
  /^\s*trap\s+.+\s(?:SIG)?TERM\b/, // shell
  /Runtime\.getRuntime\(\)\.addShutdownHook\(|^\s*@PreDestroy\b/, // JVM
  /IHostApplicationLifetime|ApplicationStopping|PosixSignalRegistration|UseShutdownTimeout/, // .NET
];

function handlerFindings(file: RepoFile): Finding[] {
  return HANDLERS.flatMap((pattern) => matchingLines(file, pattern)).map(({ line }) => ({
    file: file.path,
    line,
    verdict: "met" as const,
    message: "SIGTERM is handled here",
  }));
}

function shellFormFindings({ file, final }: Dockerfile): Finding[] {
  const runs = final?.instructions.filter((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT") ?? [];
  return runs
    .filter((i) => !i.args.trimStart().startsWith("["))
    .map((i) => ({
      file: file.path,
      line: i.line,
      verdict: "partially_met" as const,
      message: `${i.keyword} in shell form runs under /bin/sh, which does not pass SIGTERM on; use the JSON form`,
    }));
}

const shutdownAnywhere = defineRule("graceful-shutdown", (repo) => {
  const sources = repo.files.filter((f) => isSource(f.path));
  if (!sources.length) return { verdict: null, summary: "No source file to read.", findings: [] };
  const handlers = sources.flatMap(handlerFindings);
  const shellForm = repo.dockerfiles.flatMap(shellFormFindings);
  if (!handlers.length) {
    // Absence is not proof: a framework or server (gunicorn, Spring Boot, the .NET host) may handle SIGTERM.
    // Only a shell-form command, which keeps the signal from the process, is a problem on a line.
    const unseen = `No SIGTERM handler seen in ${count(sources.length, "source file")}; frameworks and servers may handle it, so the reviewer checks.`;
    return shellForm.length
      ? { verdict: "partially_met", summary: `${unseen} The container's shell-form command keeps the signal from the process.`, findings: shellForm }
      : { verdict: null, summary: unseen, findings: [] };
  }
  const findings = [...handlers, ...shellForm];
  if (shellForm.length) {
    return {
      verdict: "partially_met",
      summary: "SIGTERM is handled, but the container's shell-form command keeps the signal from reaching the process.",
      findings,
    };
  }
  return {
    verdict: "met",
    summary: `SIGTERM is handled (${count(handlers.length, "handler")}); the reviewer still checks that in-flight work finishes.`,
    findings,
  };
});

/** A handler in some services of several says nothing of the others (their framework may handle the signal). */
export const shutdown = perService(shutdownAnywhere, "SIGTERM handling");
