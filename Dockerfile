# One image for the API, the worker and the migration job (they differ only in the command).
# Build: docker build -t gridshare:$(git rev-parse --short HEAD) .
# Runs TypeScript with tsx, as `npm start` does; nothing downloads engines (Prisma's client is WASM and
# `db:generate` needs no schema engine binary; docs/prisma-offline.md).

# 1. Dependencies, from the manifests only, so this layer is cached until a package.json changes.
#    `npm install`, not `npm ci`: the lockfile lacks some platforms' optional binaries (README).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV CI=true TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1 PRISMA_HIDE_UPDATE_MESSAGE=1
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY packages/db/package.json packages/db/
COPY packages/matching/package.json packages/matching/
COPY packages/readiness/package.json packages/readiness/
COPY packages/revenue/package.json packages/revenue/
RUN npm install --no-audit --no-fund --ignore-scripts

# 2. Sources and the generated Prisma client; typecheck so a broken build never ships.
FROM deps AS build
COPY . .
RUN npm run db:generate && npx turbo run typecheck --filter=@gridshare/api --filter=@gridshare/worker

# 3. Runtime: the built tree, as an unprivileged user.
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 MIGRATE_ON_START=false
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 4000
# API by default; the worker: ["node", "--import", "tsx", "apps/worker/src/main.ts"];
# migrations: ["node", "--import", "tsx", "packages/db/src/migrate/cli.ts", "apply"].
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]
