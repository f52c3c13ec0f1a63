# syntax=docker/dockerfile:1
# One image per service, chosen by the SERVICE build argument (api-gateway, report-worker or ingest-worker):
#   docker build --build-arg SERVICE=report-worker -t storemon/report-worker .
# docker-compose.yml builds all three. Each is configured only through environment variables
# (SPRING_DATASOURCE_URL, SPRING_KAFKA_BOOTSTRAP_SERVERS, STOREMON_INGEST_SOURCE_DIR, ...; see README.md).

FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$SERVICE" || { echo "build with --build-arg SERVICE=api-gateway|report-worker|ingest-worker"; exit 1; } \
    && ./mvnw -B -q -DskipTests package -pl "$SERVICE" -am \
    && cp "$SERVICE/target/$SERVICE-0.1.0-SNAPSHOT-exec.jar" /app.jar

FROM eclipse-temurin:17-jre
# curl for docker-compose's healthchecks (GET /actuator/health/readiness); installed explicitly, whatever the base has.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 storemon
USER storemon
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
# docker-compose sets it next to each service's memory limit.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
