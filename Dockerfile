# One image for the API (with the web client) and the worker: the command picks the entry point.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY libs/domain/package.json libs/domain/
COPY libs/testing/package.json libs/testing/
COPY libs/protocol/package.json libs/protocol/
COPY libs/editor/package.json libs/editor/
RUN npm install --no-audit --no-fund
COPY . .
ENV NX_DAEMON=false NX_NO_CLOUD=true
RUN npx nx run-many -t build --outputStyle=static && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs/domain/package.json libs/domain/package.json
COPY --from=build /app/libs/domain/dist libs/domain/dist
COPY --from=build /app/libs/protocol/package.json libs/protocol/package.json
COPY --from=build /app/libs/protocol/dist libs/protocol/dist
COPY --from=build /app/libs/editor/package.json libs/editor/package.json
COPY --from=build /app/libs/editor/dist libs/editor/dist
COPY --from=build /app/apps/api/package.json apps/api/package.json
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/dist apps/web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The API's node flags are apps/api/node-flags.json's "main" (decision 27).
CMD ["sh", "-c", "node apps/api/dist/database/migrate.js up && node --max-semi-space-size=32 apps/api/dist/main.js"]
