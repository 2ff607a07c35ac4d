#!/usr/bin/env bash
# Start-up time and heap of the real window, under a virtual display (xvfb-run).
#
#   bench/window.sh [--cds] [--starts N] [seconds]     seconds default 45
#
# Opens the window with a 512 MB heap (-Xmx512m) at d = 1024 (state text), lets the
# simulation run for the given seconds, then reads from the logs: the time from the
# process start to the first frame laid out with the theory curves (logged by the app at
# INFO, with the CPU time used by then), the largest heap in use before any garbage
# collection, and whether an OutOfMemoryError occurred. Leaves a screenshot of the screen
# just before the window closes in bench/window-last.png (not committed) when
# ImageMagick's 'import' exists. The jar is started as the README says, with
# --add-modules jdk.incubator.vector.
#
#   --cds       first a training run (the window for 6 s) writes a class-data-sharing
#               archive of the classes it loaded (-XX:ArchiveClassesAtExit); the runs
#               below then map it (-XX:SharedArchiveFile), the short ones also without
#   --starts N  before the long run, N short start-ups (closed 2 s after opening),
#               alternating with and without the archive under --cds; prints the medians
set -euo pipefail
cd "$(dirname "$0")/.."
cds=false
starts=0
seconds=45
while [ $# -gt 0 ]; do
    case "$1" in
        --cds) cds=true ;;
        --starts) starts=$2; shift ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) seconds=$1 ;;
    esac
    shift
done

command -v xvfb-run >/dev/null || { echo "bench/window.sh: needs xvfb-run (apt-get install xvfb)"; exit 1; }
jar=target/memoscope.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src/main -newer "$jar" -print -quit)" ]; then
    echo "Building $jar ..."
    mvn -q -B -Dmaven.test.skip=true package
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$jar" "$work/memoscope.jar"

state='memoscope:v1;gamma=0.5;d=1024;beta=2,0.5;lambda=0;seeds=64;reps=2;seed=1'
shot=""
if command -v import >/dev/null; then shot=bench/window-last.png; fi
archive=""
if $cds; then archive="-XX:SharedArchiveFile=$work/memoscope.jsa -Xlog:cds*=off"; fi

# Everything runs inside one virtual display; the screenshot is taken from inside it a
# moment before the app exits.
cat > "$work/inside.sh" <<INSIDE
#!/usr/bin/env bash
java="java -Xmx512m --add-modules jdk.incubator.vector"
if $cds; then
    MEMOSCOPE_EXIT_AFTER=6 \$java -XX:ArchiveClassesAtExit=$work/memoscope.jsa \
        -jar $work/memoscope.jar >/dev/null 2>&1
fi
for i in \$(seq $starts); do
    MEMOSCOPE_EXIT_AFTER=2 \$java -jar $work/memoscope.jar app --state '$state' \
        2> $work/start-plain-\$i.log
    if $cds; then
        MEMOSCOPE_EXIT_AFTER=2 \$java $archive -jar $work/memoscope.jar app --state '$state' \
            2> $work/start-cds-\$i.log
    fi
done
MEMOSCOPE_EXIT_AFTER=$seconds \$java $archive -Xlog:gc:file=$work/gc.log \
    -jar $work/memoscope.jar app --state '$state' 2> $work/app.log &
app=\$!
if [ -n "$shot" ]; then
    sleep \$(( $seconds - 2 ))
    import -window root "$shot" 2>/dev/null || true
fi
wait \$app
INSIDE
chmod +x "$work/inside.sh"
start=$(date +%s.%N)
status=0
xvfb-run -a -s "-screen 0 1280x800x24" "$work/inside.sh" || status=$?
end=$(date +%s.%N)

# Median of the first-frame times (ms) and CPU times in the given logs.
medians() {
    local wall cpu
    wall=$(cat "$@" | grep -o 'laid out [0-9]* ms' | grep -o '[0-9]*' | sort -n \
        | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]}')
    cpu=$(cat "$@" | grep -o '[0-9]* ms of CPU' | grep -o '^[0-9]*' | sort -n \
        | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]}')
    echo "${wall:-?} ms (${cpu:-?} ms of CPU)"
}
if [ "$starts" -gt 0 ]; then
    echo "first frame, median of $starts starts: $(medians "$work"/start-plain-*.log)"
    if $cds; then
        echo "  with the CDS archive:            $(medians "$work"/start-cds-*.log)"
    fi
fi
first=$(grep -o 'laid out [0-9]* ms after the process started[^;]*' "$work/app.log" \
    | sed 's/laid out //' || echo "not logged")
peak=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$work/gc.log" | sed 's/M->.*//' | sort -n \
    | tail -1)
oom=$(grep -c 'OutOfMemoryError' "$work/app.log" || true)
echo "window exit status:          $status (ran $(echo "$end - $start" | bc) s)"
with=""
if $cds; then with=", with the CDS archive"; fi
echo "first frame with curves:     ${first:-not logged} (target < 2000 ms)$with"
echo "largest heap before a GC:    ${peak:-?} MB of 512 MB (d = 1024)"
echo "OutOfMemoryError in the log: $oom"
[ -n "$shot" ] && echo "screenshot:                  $shot"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
