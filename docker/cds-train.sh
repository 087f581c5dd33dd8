#!/usr/bin/env sh
# Class data sharing for a faster start (README, "Faster start: class data sharing"): unpacks the
# built jar into a plain-classpath layout and records, in a training start, the classes the node
# loads into an archive the JVM maps at every later start instead of loading and verifying them
# again. The training start brings the context up once on an empty H2 database in a temporary
# directory (schema, engine, models) and exits when the context is refreshed, before any job or
# port serves anything (Spring Boot's spring.context.exit=onRefresh); it touches no real data.
#
#   docker/cds-train.sh [jar] [destination]
#   java -XX:SharedArchiveFile=<destination>/app.jsa -jar <destination>/<the jar's file name> ...
#
# jar defaults to target/ca-back-office-*.jar, destination to target/cds. The archive fits only
# the JVM that wrote it and exactly these jars (same paths, same files): train again after every
# build or JVM update. A JVM that finds it stale says so and starts without it.
set -eu

jar=${1:-$(ls target/ca-back-office-*.jar | grep -v -- -plain | head -1)}
dest=${2:-target/cds}

rm -rf "$dest"
java -Djarmode=tools -jar "$jar" extract --destination "$dest"
app="$dest/$(basename "$jar")"

train=$(mktemp -d)
trap 'rm -rf "$train"' EXIT
# Ports of its own (0: any free one), so a node already running here does not stop the training.
java -XX:ArchiveClassesAtExit="$dest/app.jsa" -Dspring.context.exit=onRefresh \
  -jar "$app" --backoffice.data-dir="$train" --server.port=0 \
  --backoffice.mail.catcher.enabled=false --backoffice.whois.dev-registry.enabled=false \
  > "$dest/training.log" 2>&1 \
  || { echo "training start failed, see $dest/training.log" >&2; exit 1; }
echo "archive: $dest/app.jsa; start with:"
echo "  java -XX:SharedArchiveFile=$dest/app.jsa -jar $app"
