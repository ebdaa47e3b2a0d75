// Outside Next.js, `server-only` (a marker that throws when bundled for the
// browser) must resolve to nothing. Registered by scripts/worker-register.mjs.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return nextResolve(specifier, context);
}
