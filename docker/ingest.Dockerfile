# syntax=docker/dockerfile:1
#
# warroom ingest service: HTTP intake of the calls / messages / reports / workers
# feeds and the provider webhooks, written durably to Kafka.
#
# Build from the repository root (the build context is the whole repository):
#   docker build -f docker/ingest.Dockerfile -t warroom/ingest .
# docker/ingest.Dockerfile.dockerignore keeps the context small (BuildKit).

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

############################################################################
# Stage 1: build the shaded jar
############################################################################
FROM ${MAVEN_IMAGE} AS build
WORKDIR /build
# The local repository lives outside any VOLUME of the base image so that the
# dependency layer below is really kept in the image cache.
ENV MAVEN_OPTS="-Dmaven.repo.local=/build/.m2/repository"

# 1) Only the poms: this layer and the dependency download below are rebuilt
#    only when a pom changes. Every module pom is needed because the root pom
#    lists all modules in its reactor.
COPY pom.xml ./
COPY contracts/pom.xml contracts/
COPY elastic/pom.xml elastic/
COPY vertx-kafka/pom.xml vertx-kafka/
COPY ingest/pom.xml ingest/
COPY streams/pom.xml streams/
COPY indexer/pom.xml indexer/
COPY notifier/pom.xml notifier/
COPY dashboard/pom.xml dashboard/
COPY tools/pom.xml tools/
COPY bench/pom.xml bench/
# Dependency-cache step ("go-offline" style): build the reactor from the poms
# alone. That downloads exactly the plugins and dependencies `package` needs
# (dependency:go-offline is not used: it also resolves optional transitive
# dependencies, some of which were never published, and fails).
RUN mvn -B -q -pl ingest -am package -DskipTests \
 && rm -rf */target

# 2) The sources (all modules: which ones ingest needs is decided by -am).
COPY contracts/ contracts/
COPY ingest/ ingest/
RUN mvn -B -q -pl ingest -am package -DskipTests \
 && test -f ingest/target/warroom-ingest.jar

############################################################################
# Stage 2: runtime
############################################################################
FROM ${RUNTIME_IMAGE}

RUN set -eux; \
    if ! command -v curl >/dev/null 2>&1; then \
      apt-get update; \
      apt-get install -y --no-install-recommends curl; \
      rm -rf /var/lib/apt/lists/*; \
    fi; \
    groupadd --system --gid 10001 warroom; \
    useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin warroom; \
    mkdir -p /app

COPY --chmod=0755 docker/healthcheck.sh /usr/local/bin/warroom-healthcheck
COPY --from=build /build/ingest/target/warroom-ingest.jar /app/warroom-ingest.jar

WORKDIR /app
USER 10001:10001

# JAVA_OPTS: container-aware heap (75 % of the container memory limit); the JVM
# exits on OutOfMemoryError so that the orchestrator restarts it cleanly.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 -Djava.awt.headless=true" \
    WARROOM_INGEST_PORT=8081

EXPOSE 8081

# /health answers 200 when the service can reach Kafka. https is used when
# WARROOM_TLS_CERT is set.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD warroom-healthcheck "${WARROOM_INGEST_PORT}" tls

# exec: java is PID 1 and receives SIGTERM directly (graceful shutdown).
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS -jar /app/warroom-ingest.jar \"$@\"", "warroom-ingest"]
