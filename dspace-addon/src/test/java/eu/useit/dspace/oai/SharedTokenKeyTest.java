/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import eu.useit.dspace.support.SettingException;
import eu.useit.dspace.support.TestDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

/**
 * Web nodes of one database and their token secrets, on a real H2 database: a node with another secret than a
 * running node's is refused with one line naming the setting (and not the secret); a stopped node, or one not seen
 * for longer than {@link SharedTokenKey#ALIVE}, does not count. (Across processes: {@code SolrCloudClusterIT}.)
 */
public class SharedTokenKeyTest {

    private static final byte[] ONE = "the first secret, at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TWO = "the other secret, at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private static final JdbcDataSource DATABASE = TestDatabase.get();

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    public void aNodeWithAnotherSecretIsRefusedWhileTheOtherRuns() throws Exception {
        try (SharedTokenKey first = SharedTokenKey.join(DATABASE, "host-a:/srv/one", ONE, at(NOW))) {
            SettingException refused = assertThrows(SettingException.class,
                () -> SharedTokenKey.join(DATABASE, "host-b:/srv/two", TWO, at(NOW.plusSeconds(10))));
            assertThat(refused.getMessage(), containsString("useit.oai.token.secret: this web node's resumption "
                                                                + "token secret differs from that of the running "
                                                                + "web node 'host-a:/srv/one'"));
            assertThat(refused.getMessage(), not(containsString("secret, at least")));
            SharedTokenKey.join(DATABASE, "host-b:/srv/two", ONE, at(NOW.plusSeconds(10))).close();
        }
        // the first node stopped (its row went): the other secret is welcome now
        SharedTokenKey.join(DATABASE, "host-b:/srv/two", TWO, at(NOW.plusSeconds(20))).close();
    }

    @Test
    public void aNodeNotSeenForLongerThanAliveDoesNotCountAndANodeMayChangeItsOwnSecret() throws Exception {
        SharedTokenKey crashed = SharedTokenKey.join(DATABASE, "host-c:/srv/three", ONE, at(NOW));
        // a crash: no close, no more beats; the row stays with its last time
        SharedTokenKey.join(DATABASE, "host-c:/srv/three", TWO, at(NOW.plusSeconds(1))).close();
        SharedTokenKey again = SharedTokenKey.join(DATABASE, "host-c:/srv/three", ONE, at(NOW.plusSeconds(2)));
        SharedTokenKey.join(DATABASE, "host-d:/srv/four", TWO,
                            at(NOW.plusSeconds(2).plus(SharedTokenKey.ALIVE).plusSeconds(1))).close();
        again.close();
        crashed.close();
    }
}
