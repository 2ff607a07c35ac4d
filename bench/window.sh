#!/usr/bin/env bash
# Start-up time and heap of the real window, under a virtual display (xvfb-run).
#
#   bench/window.sh [seconds]     default 45
#
# Opens the window with a 512 MB heap (-Xmx512m) at d = 1024 (state text), lets the
# simulation run for the given seconds, then reads from the logs: the time from the
# process start to the first frame laid out with the theory curves (logged by the app at
# INFO), the largest heap in use before any garbage collection, and whether an
# OutOfMemoryError occurred. Leaves a screenshot of the screen just before the window
# closes in bench/window-last.png (not committed) when ImageMagick's 'import' exists.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-45}

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

# The screenshot is taken from inside the virtual display a moment before the app exits.
cat > "$work/inside.sh" <<EOF
#!/usr/bin/env bash
MEMOSCOPE_EXIT_AFTER=$seconds java -Xmx512m -Xlog:gc:file=$work/gc.log \
    -jar $work/memoscope.jar app --state '$state' 2> $work/app.log &
app=\$!
if [ -n "$shot" ]; then
    sleep \$(( $seconds - 2 ))
    import -window root "$shot" 2>/dev/null || true
fi
wait \$app
EOF
chmod +x "$work/inside.sh"
start=$(date +%s.%N)
status=0
xvfb-run -a -s "-screen 0 1280x800x24" "$work/inside.sh" || status=$?
end=$(date +%s.%N)

first=$(grep -o 'laid out [0-9]* ms after the process started[^;]*' "$work/app.log" \
    | sed 's/laid out //' || echo "not logged")
peak=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$work/gc.log" | sed 's/M->.*//' | sort -n \
    | tail -1)
oom=$(grep -c 'OutOfMemoryError' "$work/app.log" || true)
echo "window exit status:          $status (ran $(echo "$end - $start" | bc) s)"
echo "first frame with curves:     ${first:-not logged} (target < 2000 ms)"
echo "largest heap before a GC:    ${peak:-?} MB of 512 MB (d = 1024)"
echo "OutOfMemoryError in the log: $oom"
[ -n "$shot" ] && echo "screenshot:                  $shot"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
