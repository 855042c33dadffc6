# syntax=docker/dockerfile:1
#
# warroom streams service: the Kafka Streams topologies (shortages, backlogs,
# call load, worker distributions, alerts, ratings).
#
# Build from the repository root (the build context is the whole repository):
#   docker build -f docker/streams.Dockerfile -t warroom/streams .

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

############################################################################
# Stage 1: build the shaded jar
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
RUN mvn -B -q -pl streams -am package -DskipTests \
 && rm -rf */target

COPY contracts/ contracts/
COPY streams/ streams/
RUN mvn -B -q -pl streams -am package -DskipTests \
 && test -f streams/target/warroom-streams.jar

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
    mkdir -p /app /var/lib/warroom/streams; \
    chown 10001:10001 /var/lib/warroom/streams; \
    chmod 0750 /var/lib/warroom/streams

COPY --chmod=0755 docker/healthcheck.sh /usr/local/bin/warroom-healthcheck
COPY --from=build /build/streams/target/warroom-streams.jar /app/warroom-streams.jar

WORKDIR /app
USER 10001:10001

# Kafka Streams keeps its RocksDB state stores here. Each replica needs its own
# copy (never share one volume between two running instances); the state is
# rebuilt from the changelog topics when the volume is empty.
ENV WARROOM_STREAMS_STATE_DIR=/var/lib/warroom/streams
VOLUME ["/var/lib/warroom/streams"]

# RocksDB lives outside the Java heap: when a store-heavy deployment needs more
# off-heap room, lower MaxRAMPercentage in JAVA_OPTS (compose.yaml uses 60).
# glibc keeps memory RocksDB freed until asked: the JVM asks every minute
# (TrimNativeHeapInterval, JDK 17.0.9 and later).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=60000 -Dfile.encoding=UTF-8 -Djava.awt.headless=true" \
    WARROOM_MANAGEMENT_PORT=8082

# Management port: /health (plain HTTP, for probes only; do not publish it).
EXPOSE 8082

HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD warroom-healthcheck "${WARROOM_MANAGEMENT_PORT}"

ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS -jar /app/warroom-streams.jar \"$@\"", "warroom-streams"]
