/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.Test;

/**
 * When the web application's sweep is due: after its period, and at once when a day has begun in the server's
 * zone (embargoes lift and leases end at midnight), however long the period.
 */
public class AccessSweepTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    public void aSweepIsDueAfterItsPeriodOrOnceADayHasBegun() {
        Instant midnight = LocalDate.of(2026, 12, 6).atStartOfDay(ZoneId.systemDefault()).toInstant();
        Instant evening = midnight.minus(Duration.ofHours(3));
        assertThat(AccessSweep.due(evening, evening.plusSeconds(30), TEN_MINUTES), is(false));
        assertThat(AccessSweep.due(evening, evening.plus(TEN_MINUTES), TEN_MINUTES), is(true));
        Instant before = midnight.minusSeconds(20);
        assertThat(AccessSweep.due(before, midnight.minusSeconds(1), TEN_MINUTES), is(false));
        assertThat(AccessSweep.due(before, midnight.plusSeconds(10), TEN_MINUTES), is(true));
        assertThat(AccessSweep.due(before, midnight.plusSeconds(10), Duration.ofHours(24)), is(true));
    }
}
