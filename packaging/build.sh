#!/usr/bin/env bash
# Builds a runnable Memoscope app image with jpackage (JDK 17+) from the shaded
# jar, and with --deb also a Debian installer that depends on libgtk-3-0.
#
# Usage: packaging/build.sh [--deb] [--skip-jar] [--no-cds]
#   --deb       also build target/dist/memoscope_<version>_<arch>.deb
#               (needs fakeroot and dpkg-deb: apt-get install fakeroot dpkg)
#   --skip-jar  use the existing target/memoscope.jar instead of running Maven
#   --no-cds    no class-data-sharing archives (see below)
#
# Output: target/dist/Memoscope/ (start it with target/dist/Memoscope/bin/Memoscope;
# with arguments it runs the command line, e.g. bin/Memoscope presets).
#
# Class data sharing: the trimmed runtime has no archive of the JDK's classes, so the image
# writes one (lib/runtime/lib/server/classes.jsa). A training run then opens the window
# for a few seconds (on $DISPLAY, or under xvfb-run when there is none) and archives the
# classes it loaded in lib/app/memoscope.jsa, which the launcher maps at start-up. That
# archive names the jar's path: it serves the image where it was built (and is left out of
# the .deb, which installs elsewhere); moved or stale, the JVM ignores it silently.
set -euo pipefail
cd "$(dirname "$0")/.."

build_deb=false
build_jar=true
build_cds=true
for arg in "$@"; do
    case "$arg" in
        --deb) build_deb=true ;;
        --skip-jar) build_jar=false ;;
        --no-cds) build_cds=false ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
    esac
done

jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
for tool in jpackage jdeps; do
    if ! command -v "${jdk_bin}$tool" >/dev/null 2>&1; then
        echo "build.sh: ${jdk_bin}$tool not found; a full JDK 17 or newer is needed" >&2
        exit 1
    fi
done
if $build_deb; then
    for tool in fakeroot dpkg-deb; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "build.sh: --deb needs $tool (apt-get install fakeroot dpkg)" >&2
            exit 1
        fi
    done
fi

if $build_jar; then
    mvn -q -B -DskipTests package
fi
jar=target/memoscope.jar
if [ ! -f "$jar" ]; then
    echo "build.sh: $jar is missing; run without --skip-jar" >&2
    exit 1
fi

# jpackage wants a plain numeric version: 0.1.0-SNAPSHOT becomes 0.1.0.
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-[A-Za-z0-9]*\)\{0,1\}</version>.*:\1:p' pom.xml \
    | head -n 1)
version=${version:-1.0.0}

# Only the JDK modules the jar uses (jdeps), plus those reached by reflection or
# services: a runtime of about 60 MB instead of the whole JDK's.
modules=$("${jdk_bin}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")
modules="$modules,java.desktop,java.logging,java.xml,jdk.unsupported"
java_options=("-Xmx4g")
if grep -q "jdk.incubator.vector" pom.xml; then
    modules="$modules,jdk.incubator.vector"
    java_options+=("--add-modules" "jdk.incubator.vector")
fi

input=target/jpackage-input
dist=target/dist
rm -rf "$input" "$dist/Memoscope"
mkdir -p "$input" "$dist"
cp "$jar" "$input/"

options=()
for option in "${java_options[@]}"; do
    options+=(--java-options "$option")
done

"${jdk_bin}jpackage" --type app-image \
    --name Memoscope \
    --app-version "$version" \
    --vendor "Memoscope" \
    --description "Explorer of memorisation, convergence and latent recovery in generative models" \
    --icon assets/icon.png \
    --input "$input" \
    --main-jar memoscope.jar \
    --main-class org.memoscope.Launcher \
    --add-modules "$modules" \
    "${options[@]}" \
    --dest "$dist"
echo "App image: $dist/Memoscope (run $dist/Memoscope/bin/Memoscope)"

image=$(cd "$dist/Memoscope" && pwd)
if $build_cds; then
    # The JDK's own classes: independent of where the image ends up.
    if ! JAVA_TOOL_OPTIONS=-Xshare:dump "$image/bin/Memoscope" >/dev/null 2>&1; then
        echo "build.sh: could not write the runtime's class archive; going on without" >&2
    fi
    display=()
    if [ -z "${DISPLAY:-}" ]; then
        if command -v xvfb-run >/dev/null 2>&1; then
            display=(xvfb-run -a -s "-screen 0 1280x800x24")
        else
            display=(none)
        fi
    fi
    if [ "${display[0]:-}" = none ]; then
        echo "build.sh: no display and no xvfb-run: no archive of Memoscope's classes" >&2
    else
        echo "Training run for the class archive (the window opens for 6 s) ..."
        JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$image/lib/app/memoscope.jsa" \
            MEMOSCOPE_EXIT_AFTER=6 "${display[@]}" "$image/bin/Memoscope" >/dev/null 2>&1 || true
        if [ -f "$image/lib/app/memoscope.jsa" ]; then
            # -Xlog:cds*=off: an archive that does not fit (moved image, replaced jar) is
            # skipped without a warning on standard output, which the command line uses.
            printf 'java-options=%s\n' '-XX:SharedArchiveFile=$APPDIR/memoscope.jsa' \
                '-Xlog:cds*=off' >> "$image/lib/app/Memoscope.cfg"
            echo "Class archive: $dist/Memoscope/lib/app/memoscope.jsa"
        else
            echo "build.sh: the training run wrote no class archive; going on without" >&2
        fi
    fi
fi

if $build_deb; then
    rm -f "$dist"/memoscope_*.deb
    # The .deb installs under /opt, where the archive made here would not fit the jar's path.
    deb_image="$dist/deb-image/Memoscope"
    rm -rf "$dist/deb-image"
    mkdir -p "$dist/deb-image"
    cp -a "$dist/Memoscope" "$deb_image"
    rm -f "$deb_image/lib/app/memoscope.jsa"
    "${jdk_bin}jpackage" --type deb \
        --name memoscope \
        --app-version "$version" \
        --vendor "Memoscope" \
        --description "Explorer of memorisation, convergence and latent recovery in generative models" \
        --icon assets/icon.png \
        --app-image "$deb_image" \
        --linux-package-name memoscope \
        --linux-package-deps libgtk-3-0 \
        --linux-menu-group "Education;Science" \
        --linux-app-category science \
        --linux-shortcut \
        --dest "$dist"
    echo "Installer: $(ls "$dist"/memoscope_*.deb)"
fi
