# Sourced by ./glyphoxa and .ci/run: selects a JDK 25 (Glyphoxa is built with release 25; the voice
# encryption library Discord requires is Java 25 bytecode). Honours a JAVA_HOME that already is 25.
is_25() { [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | head -1 | grep -q 'version "25'; }
if [ -z "${JAVA_HOME:-}" ] || ! is_25 "$JAVA_HOME"; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/jdk-25* /opt/java/openjdk; do
    if is_25 "$candidate"; then JAVA_HOME="$candidate"; break; fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "glyphoxa: JDK 25 not found. Install a JDK 25 (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven itself runs on this JDK; silence its own (harmless) Unsafe warnings on 25.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
