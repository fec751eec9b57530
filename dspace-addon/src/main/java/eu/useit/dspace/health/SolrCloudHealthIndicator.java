/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The health of the repository's Solr cores as a writer sees them: DOWN when a core does not answer, when its
 * SolrCloud node has lost ZooKeeper, or when it lacks a field the addon needs (the OAI-PMH core without
 * {@link SolrCoreProbe#OAI_ORDER_FIELD}: DSpace's own OAI core, whose every list query Solr refuses; without another
 * of {@link SolrCoreProbe#OAI_FIELDS}: one of an earlier release, which refuses every record). DSpace's own Solr
 * checks ping the cores, and a node without ZooKeeper answers pings; it refuses updates, so deposits and changes
 * would wait in the index queue until it is back. The details (administrators only) say, per core
 * setting, {@code standalone}, {@code solrcloud} or the reason.
 * <p>
 * Anybody may ask for the health (its status), and each check asks every core a few questions. Callers who ask while
 * a check runs share its answer rather than start one each, so a crowd of callers (or a slow Solr) costs Solr one
 * check at a time; nothing is kept after it, so every answer is as fresh as the check it waited for. A caller waits
 * for a check no longer than the patience (then the answer is DOWN), and a check older than that is left to itself.
 */
public class SolrCloudHealthIndicator extends AbstractHealthIndicator {

    private final SolrCoreProbe probe;
    private final Map<String, String> cores;
    private final Map<String, List<String>> fields;
    private final Duration patience;
    /** The check that runs now; null when none runs. */
    private final AtomicReference<Running> running = new AtomicReference<>();

    /**
     * @param probe    the probe
     * @param cores    the cores to ask: setting name to URL
     * @param fields   the fields each core must have, by setting name (a core not named has none to check)
     * @param patience how long a caller waits for a check (a check older than that is left, and a new one runs)
     */
    public SolrCloudHealthIndicator(SolrCoreProbe probe, Map<String, String> cores,
                                    Map<String, List<String>> fields, Duration patience) {
        super("Solr cores could not be asked");
        this.probe = probe;
        this.cores = Collections.unmodifiableMap(new LinkedHashMap<>(cores));
        this.fields = Map.copyOf(fields);
        this.patience = patience;
    }

    /** A check that runs, which callers who come meanwhile wait for. */
    private record Running(CompletableFuture<Health> answer, Instant started) {
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Running mine = new Running(new CompletableFuture<>(), Instant.now());
        Running current = running.updateAndGet(
            now -> now == null || now.started().plus(patience).isBefore(mine.started()) ? mine : now);
        if (current == mine) {
            try {
                Health.Builder checked = new Health.Builder();
                check(checked);
                mine.answer().complete(checked.build());
            } catch (Exception | Error e) {
                mine.answer().completeExceptionally(e);
            } finally {
                running.compareAndSet(mine, null);
            }
        }
        Health health;
        try {
            health = current.answer().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // a Solr that stalls mid-answer: down, and the next caller after the patience runs a check of its own
            builder.down().withDetail("solr", "no answer within " + patience.toSeconds() + " s");
            return;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        builder.status(health.getStatus()).withDetails(health.getDetails());
    }

    private void check(Health.Builder builder) throws Exception {
        boolean up = true;
        for (Map.Entry<String, String> core : cores.entrySet()) {
            SolrCoreProbe.Ping ping = probe.ping(core.getValue());
            Optional<String> missing = ping.writable()
                ? probe.missingField(core.getValue(), fields.getOrDefault(core.getKey(), List.of()))
                : Optional.empty();
            boolean usable = ping.writable() && missing.isEmpty();
            String state;
            if (ping.status() != 200) {
                state = "HTTP " + ping.status();
            } else if (!ping.writable()) {
                state = probe.zooKeeperLost(core.getValue());
            } else if (!usable) {
                state = SolrCoreProbe.notOurOaiCore(missing.get());
            } else {
                state = ping.zkConnected().isPresent() ? "solrcloud" : "standalone";
            }
            up &= usable;
            builder.withDetail(core.getKey(), state);
        }
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
