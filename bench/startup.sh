#!/usr/bin/env bash
# Start-up figures of the run command (issue 5): time from `./useit run` to "ready" on an empty data directory
# (cold: structure, sample, indexes) and on the same directory again (warm), the first start's sample load time,
# and the resident memory (RSS) of the launcher JVM and the Solr JVM at ready. Prints a Markdown table.
#
#   bench/startup.sh            (the build must be current: run ./useit once before, or ./mvnw install)
set -euo pipefail
cd "$(dirname "$0")/.."

free_port() {
    perl -MIO::Socket::INET -e 'print IO::Socket::INET->new(Listen => 1, LocalAddr => "127.0.0.1:0")->sockport'
}
data=$(mktemp -d)
port=$(free_port)
solr_port=$(free_port)

# start_once <log>: runs ./useit until ready; prints "<ms to ready> <launcher RSS KiB> <Solr RSS KiB>"; stops it
start_once() {
    local log=$1 start end runner
    start=$(date +%s%N)
    USEIT_DATA_DIR="$data" USEIT_PORT="$port" USEIT_SOLR_PORT="$solr_port" setsid ./useit run >"$log" 2>&1 &
    runner=$!
    until grep -q 'USE-IT! repository ready' "$log"; do
        kill -0 "$runner" 2>/dev/null || { cat "$log" >&2; exit 1; }
        sleep 0.2
    done
    end=$(date +%s%N)
    local launcher solr
    launcher=$(pgrep -f "useit.data.dir=$data" | head -1)
    solr=$(pgrep -f "SolrMain.*$solr_port|solr.*$solr_port" | grep -v "^$launcher$" | head -1 || true)
    echo "$(( (end - start) / 1000000 )) $(awk '/VmRSS/ {print $2}' /proc/"$launcher"/status) \
$( [ -n "$solr" ] && awk '/VmRSS/ {print $2}' /proc/"$solr"/status || echo 0)"
    kill -TERM -- -"$runner" 2>/dev/null || true
    wait "$runner" 2>/dev/null || true
}

read -r cold cold_rss cold_solr < <(start_once "$data/cold.log")
sample=$(grep -o 'useit-import: 40 created.*(\([0-9.]*\) s' "$data/cold.log" | grep -o '([0-9.]* s' | tr -d '( s' || true)
read -r warm warm_rss warm_solr < <(start_once "$data/warm.log")

echo "| measure | value |"
echo "|---|---|"
echo "| cold start (empty data directory) to ready | $((cold / 1000)).$(( (cold % 1000) / 100 )) s |"
echo "| first-start sample load (40 records, useit-import) | ${sample:-?} s |"
echo "| warm start (same data directory) to ready | $((warm / 1000)).$(( (warm % 1000) / 100 )) s |"
echo "| RSS at ready, launcher JVM (DSpace + REST + OAI), cold / warm | $((cold_rss / 1024)) / $((warm_rss / 1024)) MiB |"
echo "| RSS at ready, Solr JVM, cold / warm | $((cold_solr / 1024)) / $((warm_solr / 1024)) MiB |"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1024/1024)}' /proc/meminfo) GiB, $(java -version 2>&1 | head -1)."
rm -rf "$data"
