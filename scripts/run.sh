#!/usr/bin/env bash
# Runs target/memoscope.jar (the window, or the command line when given a command) with a
# class-data-sharing archive of its classes, which shortens the window's start-up.
#
# Usage: scripts/run.sh [app options | command ...]   e.g. scripts/run.sh app --preset ridge
#
# The first window session after a build writes the archive, target/memoscope.jsa, when it
# closes (that takes a few seconds more); later runs map it. A rebuilt jar makes the next
# window session write a new one. Command-line runs use the archive when it exists but
# never write it, so it holds what the window loads.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/target/memoscope.jar
archive=$root/target/memoscope.jsa
if [ ! -f "$jar" ]; then
    echo "scripts/run.sh: $jar is missing; build it with: mvn -q -DskipTests package" >&2
    exit 1
fi

window=false
if [ $# -eq 0 ] || [ "$1" = app ]; then window=true; fi
cds=()
if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
    cds=("-XX:SharedArchiveFile=$archive")
elif $window; then
    rm -f "$archive"
    cds=("-XX:ArchiveClassesAtExit=$archive")
fi
# -Xlog:cds*=off: no notes about classes left out of the archive, or about an archive
# that no longer fits, on standard output (which the command line writes to).
exec java "${cds[@]}" -Xlog:cds*=off --add-modules jdk.incubator.vector -jar "$jar" "$@"
