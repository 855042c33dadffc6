# syntax=docker/dockerfile:1
#
# warroom notifier: alert delivery. Consumes the alerts and acknowledgements and
# sends e-mail, SMS, WhatsApp and webhooks with escalation. It ships in the
# dashboard module's jar and runs with its own
# main class (org.warroom.notifier.NotifierMain), its own module and jar (notifier/). Run ONE replica: it
# owns the escalation timers (a restart resumes them from the delivery log).
#
# Build from the repository root (the build context is the whole repository):
#   docker build -f docker/notifier.Dockerfile -t warroom/notifier .

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

############################################################################
# Stage 1: build the shaded jar (the notifier module's)
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
RUN mvn -B -q -pl notifier -am package -DskipTests \
 && rm -rf */target

COPY contracts/ contracts/
COPY vertx-kafka/ vertx-kafka/
COPY notifier/ notifier/
RUN mvn -B -q -pl notifier -am package -DskipTests \
 && test -f notifier/target/warroom-notifier.jar

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
COPY --from=build /build/notifier/target/warroom-notifier.jar /app/warroom-notifier.jar

WORKDIR /app
USER 10001:10001

ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 -Djava.awt.headless=true" \
    WARROOM_NOTIFIER_MANAGEMENT_PORT=8084

# Management port: /health (plain HTTP, for probes only; do not publish it).
EXPOSE 8084

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD warroom-healthcheck "${WARROOM_NOTIFIER_MANAGEMENT_PORT}"

ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS -jar /app/warroom-notifier.jar \"$@\"", "warroom-notifier"]
