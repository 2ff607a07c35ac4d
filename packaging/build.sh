#!/usr/bin/env bash
# Builds a runnable Memoscope app image with jpackage (JDK 17+) from the shaded
# jar, and with --deb also a Debian installer that depends on libgtk-3-0.
#
# Usage: packaging/build.sh [--deb] [--skip-jar]
#   --deb       also build target/dist/memoscope_<version>_<arch>.deb
#               (needs fakeroot and dpkg-deb: apt-get install fakeroot dpkg)
#   --skip-jar  use the existing target/memoscope.jar instead of running Maven
#
# Output: target/dist/Memoscope/ (start it with target/dist/Memoscope/bin/Memoscope;
# with arguments it runs the command line, e.g. bin/Memoscope presets).
set -euo pipefail
cd "$(dirname "$0")/.."

build_deb=false
build_jar=true
for arg in "$@"; do
    case "$arg" in
        --deb) build_deb=true ;;
        --skip-jar) build_jar=false ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

if $build_deb; then
    rm -f "$dist"/memoscope_*.deb
    "${jdk_bin}jpackage" --type deb \
        --name memoscope \
        --app-version "$version" \
        --vendor "Memoscope" \
        --description "Explorer of memorisation, convergence and latent recovery in generative models" \
        --icon assets/icon.png \
        --app-image "$dist/Memoscope" \
        --linux-package-name memoscope \
        --linux-package-deps libgtk-3-0 \
        --linux-menu-group "Education;Science" \
        --linux-app-category science \
        --linux-shortcut \
        --dest "$dist"
    echo "Installer: $(ls "$dist"/memoscope_*.deb)"
fi
