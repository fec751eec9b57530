/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaipmh;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;

import org.junit.Test;

/**
 * {@link OaiDates}: the two UTC forms of OAI-PMH 2.0 §3.3, read strictly (a date that does not exist, a local time,
 * an offset or a fraction of a second is no datestamp).
 */
public class OaiDatesTest {

    @Test
    public void bothGranularitiesAreReadAsUtcInstants() {
        assertThat(OaiDates.parse("2019-02-28"), is(Instant.parse("2019-02-28T00:00:00Z")));
        assertThat(OaiDates.parse("2020-02-29T23:59:59Z"), is(Instant.parse("2020-02-29T23:59:59Z")));
        assertThat(OaiDates.hasGranularity("2019-02-28", OaiDates.DAY), is(true));
        assertThat(OaiDates.hasGranularity("2019-02-28", OaiDates.SECONDS), is(false));
        assertThat(OaiDates.hasGranularity("2019-02-28T10:00:00Z", OaiDates.SECONDS), is(true));
        assertThat(OaiDates.hasGranularity("2019-02-28T10:00:00Z", OaiDates.DAY), is(false));
        assertThat(OaiDates.day("2019-02-28T10:00:00Z"), is("2019-02-28"));
    }

    @Test
    public void whatIsNoDatestampIsRefused() {
        for (String value : List.of("2019-02-29", "2019-13-01", "2019-1-01", "19-01-01", "2019-01-01T24:00:00Z",
                                    "2019-01-01T10:00:00", "2019-01-01T10:00:00+01:00", "2019-01-01T10:00:00.5Z",
                                    "2019-01-01 10:00:00Z", "2019-01", "", "yesterday")) {
            assertThat(value, OaiDates.parse(value), is(nullValue()));
        }
        assertThat(OaiDates.isDatestamp("2019-01-01T10:00:00+01:00"), is(false));
        // written as a datestamp, though no such day exists: the form is right, the date is not
        assertThat(OaiDates.isDatestamp("2019-02-30"), is(true));
        assertThat(OaiDates.parse("2019-02-30"), is(nullValue()));
    }
}
