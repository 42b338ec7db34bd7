# Multi-stage build of crm-server and the crm CLI; the runtime image runs as a non-root user.
#   docker build -t crm .
#   docker run -p 3000:3000 -e JWT_SECRET=... -e DATABASE_URL=postgres://... crm
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p crm-server -p crm-cli \
    && strip target/release/crm-server target/release/crm

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/crm --create-home crm
COPY --from=build /src/target/release/crm-server /src/target/release/crm /usr/local/bin/
USER 10001:10001
WORKDIR /var/lib/crm
# Without DATABASE_URL the server keeps an embedded SQLite database in /var/lib/crm/data
# (mount a volume there); replicas share a PostgreSQL DATABASE_URL instead.
ENV CRM_BIND=0.0.0.0:3000 \
    CRM_ENV=production \
    RUST_LOG=info,sqlx=warn
EXPOSE 3000
ENTRYPOINT ["/usr/local/bin/crm-server"]
