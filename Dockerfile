# Twelvefold in a container: build with `docker build -t twelvefold .`
# Runs as the unprivileged `node` user on port 3000 (above 1024), holds no
# secret (every setting comes from the environment at run time) and reports
# its health to the engine. Process types, as in the Procfile:
#   docker run --rm -e MIGRATION_DATABASE_URL=… twelvefold npm run db:migrate   # release
#   docker run -p 3000:3000 -e DATABASE_URL=… -e AUTH_SECRET=… twelvefold       # web
#   docker run -e DATABASE_URL=… twelvefold npm run worker                      # worker

# 1. Dependencies, exactly as locked (the postinstall step generates the Prisma client).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs scripts/prisma-schema-engine-stub.sh ./scripts/
RUN npm ci --no-audit --no-fund

# 2. The production build, then only the runtime dependencies kept.
FROM deps AS build
COPY . .
RUN node node_modules/next/dist/bin/next build && npm prune --omit=dev --no-audit --no-fund

# 3. What runs: code owned by root and read-only to the app; only Next's cache is writable.
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000
COPY --from=build /app/package.json /app/package-lock.json /app/next.config.ts /app/tsconfig.json /app/prisma.config.ts ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/public ./public
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/lib ./lib
COPY --from=build /app/scripts ./scripts
COPY --from=build --chown=node:node /app/.next ./.next
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# sh expands $PORT and $HOST; exec then replaces it with node, so SIGTERM reaches
# node directly and in-flight requests finish before it exits.
CMD ["sh", "-c", "exec node scripts/web.mjs start --port \"$PORT\" --hostname \"$HOST\""]
