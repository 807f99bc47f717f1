# The migration-guard GitHub App. dist/ is committed and is exactly what the sources build to
# (CI checks it), so the image needs nothing but Node and dist/: no package install, no build tools.
#   docker build -t migration-guard-app .
#   docker run --env-file .env -p 3000:3000 migration-guard-app
# scripts/docker-steps.mjs runs these same steps without Docker (test/app/docker-steps.test.ts).
FROM node:24-alpine

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json

WORKDIR /app
COPY --chown=root:root dist/ ./dist/

# The official image's unprivileged user; the App writes nothing to disk.
USER node
EXPOSE 3000

# Probot answers GET /ping with PONG. Node's fetch, so the image needs no curl or wget.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# docker stop sends SIGTERM: the App stops taking deliveries and lets those in flight finish
# (MIGRATION_GUARD_DRAIN_TIMEOUT_MS, 25 s by default; docker stop waits 10 s unless -t says more).
STOPSIGNAL SIGTERM
CMD ["node", "dist/app.js"]
