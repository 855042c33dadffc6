# syntax=docker/dockerfile:1
#
# warroom dashboard service: browser pages, JSON API, websocket live updates,
# administration, situation reports.
#
# Build from the repository root (the build context is the whole repository):
#   docker build -f docker/dashboard.Dockerfile -t warroom/dashboard .

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
RUN mvn -B -q -pl dashboard -am package -DskipTests \
 && rm -rf */target

COPY contracts/ contracts/
COPY elastic/ elastic/
COPY vertx-kafka/ vertx-kafka/
COPY dashboard/ dashboard/
RUN mvn -B -q -pl dashboard -am package -DskipTests \
 && test -f dashboard/target/warroom-dashboard.jar

############################################################################
# Stage 2: runtime
############################################################################
FROM ${RUNTIME_IMAGE}

# Fonts: the situation report draws charts (JFreeChart / Java2D, headless) with
# Latin and Devanagari (Hindi) text.
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core fonts-lohit-deva; \
    rm -rf /var/lib/apt/lists/*; \
    groupadd --system --gid 10001 warroom; \
    useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin warroom; \
    mkdir -p /app

COPY --chmod=0755 docker/healthcheck.sh /usr/local/bin/warroom-healthcheck
COPY --from=build /build/dashboard/target/warroom-dashboard.jar /app/warroom-dashboard.jar

WORKDIR /app
USER 10001:10001

ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 -Djava.awt.headless=true" \
    WARROOM_DASHBOARD_PORT=8080

EXPOSE 8080

# /health answers 200 when the service can reach Kafka and Elasticsearch.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD warroom-healthcheck "${WARROOM_DASHBOARD_PORT}" tls

ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS -jar /app/warroom-dashboard.jar \"$@\"", "warroom-dashboard"]
