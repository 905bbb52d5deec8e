# Taproot container image: build with Maven on a JDK 25, run on a JRE 25 as a non-root user.
#   docker build -t taproot:0.1.0 .
#   docker run -p 8080:8080 -v taproot-data:/data taproot:0.1.0
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package -pl api -am

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 taproot && useradd --system --uid 10001 --gid taproot --home /data taproot \
    && mkdir -p /data /etc/taproot && chown taproot:taproot /data
COPY --from=build /src/api/target/taproot.jar /opt/taproot/taproot.jar
COPY --from=build /src/api/target/lib /opt/taproot/lib
# the embedded Neo4j DBMS, used unless TAPROOT_NEO4J_URI names an external server; an image for an external
# server only can drop this line and the lib-embedded entry below (docs/operations.md)
COPY --from=build /src/api/target/lib-embedded /opt/taproot/lib-embedded
USER 10001
VOLUME /data
EXPOSE 8080
ENV TAPROOT_DATA=/data TAPROOT_HTTP_HOST=0.0.0.0 JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+UseG1GC"
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", \
            "-cp", "/opt/taproot/taproot.jar:/opt/taproot/lib/*:/opt/taproot/lib-embedded/*", "dev.taproot.api.cli.TaprootCli"]
CMD ["serve"]
