#!/usr/bin/env bash
# Times Memoscope's computations beside independent references of the same
# computations (numpy/scipy, PyTorch) in one run, and prints medians and ratios.
#
#   bench/run.sh                 theory, simulation and denoiser benchmarks
#   bench/run.sh theory          only some of them (theory, simulation, denoiser)
#   bench/run.sh --quick ...     simulation at d = 784 only, fewer runs
#
# Builds target/memoscope.jar first when it is missing or older than the sources.
# Without python3, numpy, scipy or torch it says so and still times Memoscope.
# See bench/README.md for the output protocol and the targets.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
selected=()
for argument in "$@"; do
    case "$argument" in
        --quick) quick=true ;;
        theory|simulation|denoiser) selected+=("$argument") ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/run.sh: unknown argument '$argument' (see --help)" >&2; exit 2 ;;
    esac
done
[ "${#selected[@]}" -gt 0 ] || selected=(theory simulation denoiser)

jar=target/memoscope.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src/main -newer "$jar" -print -quit)" ]; then
    echo "Building $jar ..."
    mvn -q -B -Dmaven.test.skip=true package
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Run from a copy: a build in the same tree while this runs must not swap the jar under
# a running JVM.
cp "$jar" "$work/memoscope.jar"
jar="$work/memoscope.jar"
results="$work/results.tsv"
: > "$results"

python=""
if command -v python3 >/dev/null 2>&1; then
    python=python3
else
    echo "python3 not found: timing Memoscope only, no reference."
fi

# The numpy references run without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (which some
# machines set to work around old OpenBLAS builds, and which slow a current numpy):
# unset together, and only for the reference's own command.
reference() {
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" "$@"
}

# Appends "side<TAB>line" for each line of a run's output; passes notes through.
record() {
    local side=$1
    while IFS= read -r line; do
        case "$line" in
            note*|skip*) printf '  [%s] %s\n' "$side" "$(printf '%s' "$line" | cut -f2- \
                | tr '\t' ' ')" ;;
            check*) printf '  [%s] %s\n' "$side" "$(printf '%s' "$line" | cut -f2- \
                | awk -F'\t' '{printf "%-55s max |diff| %-10s tolerance %-7s %s", $1, $2, $3, $4}')" ;;
        esac
        printf '%s\t%s\n' "$side" "$line" >> "$results"
    done
}

# With the Vector API module the simulation's matrix products use its kernel (the same
# bits as without, only faster); its one-line "incubator modules" warning is dropped.
java_run() {
    { java --add-modules jdk.incubator.vector -cp "$jar" "$@" 2>&1 1>&3 \
        | { grep -v '^WARNING: Using incubator modules' >&2 || true; }; } 3>&1 \
        || echo "skip	$2	Memoscope's run failed (exit $?)"
}

if [[ " ${selected[*]} " == *" theory "* ]]; then
    echo "== Theory: SpikedTheory.curves and the general-spectrum q =="
    java_run org.memoscope.bench.ReferenceBenchmark theory "$work/theory" | record memoscope
    if [ -n "$python" ]; then
        general=()
        [ -f "$work/theory/general.csv" ] && general=(--general-csv "$work/theory/general.csv")
        reference bench/reference_theory.py --spiked-csv "$work/theory/spiked.csv" \
            "${general[@]}" | record reference
    fi
fi

if [[ " ${selected[*]} " == *" simulation "* ]]; then
    echo "== Simulation: LinearModelExperiment.measure, 64 seeds, one repetition =="
    if $quick; then dims=784; runs=2; else dims=784,2000; runs=3; fi
    loads=0.125,0.5,1,2
    java_run org.memoscope.bench.ReferenceBenchmark simulation "$dims" "$loads" "$runs" \
        | record memoscope
    if [ -n "$python" ]; then
        reference bench/reference_simulation.py --dimensions "$dims" --loads "$loads" \
            --runs "$runs" | record reference
    fi
fi

if [[ " ${selected[*]} " == *" denoiser "* ]]; then
    # ---- Denoiser slot -----------------------------------------------------------------
    # One Adam training step of the residual bias-free UNet denoiser (16x16, 16 base
    # channels, batch 64) against PyTorch CPU, for two depths: 2 levels (the network the
    # denoiser issue names) and 3 levels (the pair experiment's default):
    # org.memoscope.bench.DenoiserStepBenchmark and bench/denoiser_step_torch.py, each
    # printing "step: median <ms> ms, ...", turned into "time" lines here. Skipped with a
    # message when either is missing.
    echo "== Denoiser: one training step =="
    step_line() {
        local side=$1 name=$2
        while IFS= read -r line; do
            printf '  [%s] %s\n' "$side" "$line"
            median=$(printf '%s' "$line" | sed -n 's/^step: median \([0-9.]*\) ms.*/\1/p')
            if [ -n "$median" ]; then
                printf '%s\ttime\t%s\t%s\t1\n' "$side" "$name" "$median" >> "$results"
            fi
        done
    }
    # PyTorch may live beside another interpreter (Debian's python3-torch is for
    # /usr/bin/python3): take the first one that imports torch.
    torch_python=""
    for candidate in "$python" /usr/bin/python3; do
        if [ -n "$candidate" ] && "$candidate" -c 'import torch' 2>/dev/null; then
            torch_python=$candidate
            break
        fi
    done
    steps=30; $quick && steps=15
    for levels in 2 3; do
        name="denoiser training step (UNet 16x16, $levels levels, batch 64)"
        if jar tf "$jar" 2>/dev/null \
                | grep -q 'org/memoscope/bench/DenoiserStepBenchmark.class'; then
            java --add-modules jdk.incubator.vector -Dbench.levels="$levels" -cp "$jar" \
                org.memoscope.bench.DenoiserStepBenchmark "$(nproc)" "$steps" 2>/dev/null \
                | step_line memoscope "$name" || echo "  Memoscope's denoiser benchmark failed"
        else
            echo "  skipped: org.memoscope.bench.DenoiserStepBenchmark is not in this build"
        fi
        if [ ! -f bench/denoiser_step_torch.py ]; then
            echo "  skipped the PyTorch reference: bench/denoiser_step_torch.py does not exist"
        elif [ -z "$torch_python" ]; then
            echo "  skipped the PyTorch reference: no python3 here imports torch"
        else
            env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$torch_python" \
                bench/denoiser_step_torch.py --threads "$(nproc)" --levels "$levels" \
                --steps "$steps" | step_line reference "$name"
        fi
    done
fi

echo
echo "== Medians (ms) =="
awk -F'\t' '
    $2 == "time" { key = $3; if (!(key in seen)) { seen[key] = 1; order[++count] = key }
                   value[$1, key] = $4 }
    $2 == "estimate" { ekey = $3 "\t" $4; if (!(ekey in eseen)) { eseen[ekey] = 1;
                   eorder[++ecount] = ekey } mean[$1, ekey] = $5; se[$1, ekey] = $6 }
    function target(name) {
        if (name ~ /^theory spiked/) return "< 2 ms"
        if (name ~ /^theory power law/) return "< 30 ms"
        if (name ~ /^simulation/) return "ratio <= 1"
        if (name ~ /^denoiser/) return "ratio <= 1"
        return ""
    }
    END {
        printf "%-48s %12s %12s %8s  %s\n", "computation", "Memoscope", "reference",
               "ratio", "target"
        for (i = 1; i <= count; i++) {
            key = order[i]
            m = (("memoscope", key) in value) ? value["memoscope", key] : ""
            r = (("reference", key) in value) ? value["reference", key] : ""
            ratio = (m != "" && r != "" && r > 0) ? sprintf("%.2f", m / r) : "-"
            printf "%-48s %12s %12s %8s  %s\n", key, (m == "" ? "-" : m),
                   (r == "" ? "-" : r), ratio, target(key)
        }
        if (ecount > 0) {
            print ""
            print "== Simulated values, Memoscope vs numpy (mean +- s.e.; z = diff / combined s.e.) =="
            for (i = 1; i <= ecount; i++) {
                key = eorder[i]
                if (!(("memoscope", key) in mean) || !(("reference", key) in mean)) continue
                split(key, part, "\t")
                a = mean["memoscope", key]; b = mean["reference", key]
                s = sqrt(se["memoscope", key] ^ 2 + se["reference", key] ^ 2)
                z = (s > 0) ? (a - b) / s : 0
                flag = (z > 4 || z < -4) ? "  <-- differs" : ""
                printf "%-30s %-8s %9.5f +- %.5f   %9.5f +- %.5f   z = %5.2f%s\n", part[1],
                       part[2], a, se["memoscope", key], b, se["reference", key], z, flag
            }
        }
    }' "$results"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
