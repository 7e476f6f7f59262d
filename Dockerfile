# Production image for the API, the worker and the one-shot migration step (docker-compose.yml).
# Stage 1 builds the web app (Vite is a development dependency); stage 2 runs without dev tools.
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build:web

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Dependencies' install scripts are skipped, as on development machines (docs/DECISIONS.md D8);
# our own postinstall generates the Prisma client, which needs no native engine.
RUN npm install --ignore-scripts --no-audit --no-fund
COPY . .
COPY --from=web /app/dist/web ./dist/web
RUN npm run postinstall
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "src/api/server.ts"]
