#!/usr/bin/env bash
# The long tests, not part of the normal test run: the crash test with 20 trials. Each trial: dcmtk's storescu streams
# 2,000 instances to a Lumen node in a child JVM that is SIGKILLed twice at random moments and restarted on the same data
# folder; at the end every acknowledged instance must be present and identical (acknowledged-but-missing = 0), no
# temporary file left, Archive.verify() clean. The normal test run (CI) runs the same test with 3 trials.
#
# Usage: benchmarks/long-tests.sh [TRIALS]          (default 20; needs dcmtk's storescu on PATH)
#   CRASH_SEED=<seed>   replay the trials of a failed run (the test prints its seed)
#   MVN_SCOPE="-o -pl lumen-server"   skip building the sibling modules when they are already in ~/.m2
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-20}"
extra=()
if [ -n "${CRASH_SEED:-}" ]; then extra+=("-Dlumen.crash.seed=$CRASH_SEED"); fi
# shellcheck disable=SC2086
mvn -B -ntp ${MVN_SCOPE:--pl lumen-server -am} test -Dtest=CrashTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlumen.crash.trials="$trials" "${extra[@]}" 2>&1 | grep -E "CrashTest|Tests run|FAIL|ERROR|BUILD" 
exit "${PIPESTATUS[0]}"
