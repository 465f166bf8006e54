#!/usr/bin/env bash
# Rebuild timeline/data/java/timeline-heideltime.jar from java-src/src (needs a JDK's javac; the
# jar is committed, so users need only a Java runtime). Run after changing the Java source:
#   java-src/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
HEIDELTIME_JAR=$(.venv/bin/python -c "from timeline.tagging.install import Installation; print(Installation.find().jar)")
OUT=timeline/data/java
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
javac --release 8 -Xlint:-options -nowarn -cp "$HEIDELTIME_JAR" -d "$BUILD" $(find java-src/src -name '*.java' | sort)
mkdir -p "$OUT"
# no timestamps, sorted entries: the same source gives the same jar
find "$BUILD" -exec touch -d @0 {} +
(cd "$BUILD" && find . -name '*.class' | sort | TZ=UTC zip -q -X -D "$OLDPWD/$OUT/timeline-heideltime.jar.new" -@)
mv "$OUT/timeline-heideltime.jar.new" "$OUT/timeline-heideltime.jar"
# what the test checks: the jar was built from the source as committed
find java-src/src -name '*.java' | sort | xargs cat | sha256sum | cut -d' ' -f1 > "$OUT/timeline-heideltime.source.sha256"
echo "built $OUT/timeline-heideltime.jar"
