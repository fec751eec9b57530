/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.health;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.springframework.boot.actuate.health.Status;

/**
 * The health check over real HTTP against a stand-in Solr core that answers its ping slowly: callers who ask
 * together share one check, and a caller who asks later gets a check of its own.
 */
public class SolrCloudHealthIndicatorTest {

    private static final int CALLERS = 16;
    private static final Duration PATIENCE = Duration.ofSeconds(1);

    private final AtomicInteger pings = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
    private volatile Duration pingTakes = Duration.ofMillis(300);
    private HttpServer solr;
    private SolrCloudHealthIndicator health;

    @Before
    public void start() throws Exception {
        solr = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        solr.createContext("/solr/oai/admin/ping", exchange -> {
            pings.incrementAndGet();
            pause(pingTakes);
            byte[] body = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        solr.setExecutor(threads);
        solr.start();
        String core = "http://127.0.0.1:" + solr.getAddress().getPort() + "/solr/oai";
        health = new SolrCloudHealthIndicator(new SolrCoreProbe(Duration.ofSeconds(5)), Map.of("oai", core),
                                              Map.of(), PATIENCE);
    }

    @After
    public void stop() {
        solr.stop(0);
        threads.shutdownNow();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    public void callersWhoAskTogetherShareOneCheckAndALaterCallerGetsAFreshOne() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Status>> answers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            answers.add(callers.submit(() -> {
                go.await();
                return health.health().getStatus();
            }));
        }
        go.countDown();
        List<Status> statuses = new ArrayList<>();
        for (Future<Status> answer : answers) {
            statuses.add(answer.get());
        }
        callers.shutdown();
        assertThat(statuses, everyItem(is(Status.UP)));
        assertThat("pings for " + CALLERS + " callers at once", pings.get(), lessThanOrEqualTo(2));

        int before = pings.get();
        assertThat(health.health().getStatus(), is(Status.UP));
        assertThat("a later caller's own check", pings.get(), is(before + 1));
        assertThat(health.health().getDetails().get("oai"), is("standalone"));
    }

    @Test
    public void aCallerWaitsForACheckThatStallsNoLongerThanThePatience() throws Exception {
        pingTakes = PATIENCE.multipliedBy(4);
        ExecutorService first = Executors.newSingleThreadExecutor();
        Future<Status> leader = first.submit(() -> health.health().getStatus());
        Thread.sleep(200);
        long start = System.nanoTime();
        assertThat("a caller while the check stalls", health.health().getStatus(), is(Status.DOWN));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat("waited " + waited, waited.compareTo(PATIENCE.multipliedBy(2)) < 0, is(true));
        pingTakes = Duration.ZERO;
        assertThat("the stalled check, once Solr answers", leader.get(), is(Status.UP));
        first.shutdown();
    }
}
