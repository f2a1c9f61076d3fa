# Production image: the production artifact (no demo code) on a JRE. Build it first (mvn -q package -DskipTests).
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home /app socialportal
WORKDIR /app
COPY target/socialportal-production.jar /app/socialportal.jar
USER socialportal
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --retries=5 CMD curl -fsS http://localhost:8080/health/live || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/socialportal.jar"]
