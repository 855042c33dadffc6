# syntax=docker/dockerfile:1
#
# warroom indexer: consumes the feed and computed topics and indexes them into
# Elasticsearch. Its own module and jar (indexer/), main class
# org.warroom.indexer.IndexerMain.
#
# Build from the repository root (the build context is the whole repository):
#   docker build -f docker/indexer.Dockerfile -t warroom/indexer .

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

############################################################################
# Stage 1: build the shaded jar (the indexer module's)
############################################################################
FROM ${MAVEN_IMAGE} AS build
WORKDIR /build
ENV MAVEN_OPTS="-Dmaven.repo.local=/build/.m2/repository"

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
RUN mvn -B -q -pl indexer -am package -DskipTests \
 && rm -rf */target

COPY contracts/ contracts/
COPY elastic/ elastic/
COPY indexer/ indexer/
RUN mvn -B -q -pl indexer -am package -DskipTests \
 && test -f indexer/target/warroom-indexer.jar

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
COPY --from=build /build/indexer/target/warroom-indexer.jar /app/warroom-indexer.jar

WORKDIR /app
USER 10001:10001

ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 -Djava.awt.headless=true" \
    WARROOM_MANAGEMENT_PORT=8083

# Management port: /health (plain HTTP, for probes only; do not publish it).
EXPOSE 8083

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD warroom-healthcheck "${WARROOM_MANAGEMENT_PORT}"

ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS -jar /app/warroom-indexer.jar \"$@\"", "warroom-indexer"]
