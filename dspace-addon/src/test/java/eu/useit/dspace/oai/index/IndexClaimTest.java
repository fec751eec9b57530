/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import eu.useit.dspace.support.TestDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

/**
 * The index claim on a real H2 database, in the lock mode of the runtime's ({@code LOCK_TIMEOUT}): one holder at
 * a time, free again once given up. (Between processes, on PostgreSQL too: {@code SolrCloudClusterIT}.)
 */
public class IndexClaimTest {

    private static final JdbcDataSource DATABASE = TestDatabase.get();

    @Test
    public void oneHolderAtATime() throws Exception {
        try (IndexClaim first = IndexClaim.tryTake(DATABASE)) {
            assertThat(first, notNullValue());
            assertThat("held elsewhere", IndexClaim.tryTake(DATABASE), nullValue());
            long start = System.nanoTime();
            assertThat("still held after waiting", IndexClaim.take(DATABASE, Duration.ofMillis(500)), nullValue());
            assertThat(Duration.ofNanos(System.nanoTime() - start), greaterThanOrEqualTo(Duration.ofMillis(500)));
        }
        try (IndexClaim again = IndexClaim.tryTake(DATABASE)) {
            assertThat("free once given up", again, notNullValue());
        }
    }

    @Test
    public void aWaitingTakerGetsItWhenItIsGivenUp() throws Exception {
        IndexClaim first = IndexClaim.tryTake(DATABASE);
        assertThat(first, notNullValue());
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(300);
                first.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        release.start();
        try (IndexClaim waited = IndexClaim.take(DATABASE, Duration.ofSeconds(10))) {
            assertThat(waited, notNullValue());
        }
        release.join();
    }
}
