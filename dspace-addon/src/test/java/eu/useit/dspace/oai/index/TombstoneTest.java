/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.List;

import org.junit.Test;

/**
 * A deleted record of an item that stopped being public by moving keeps the sets it was harvested in. (The deleted
 * records on a real OAI core: {@code OaiFreshnessAndDeletionsIT}.)
 */
public class TombstoneTest {

    @Test
    public void aTombstoneIsAlsoInTheSetsOfTheRecordItReplaces() {
        Tombstone now = new Tombstone("id", "1/2", Instant.EPOCH, List.of("col_1_9"), List.of("com_1_8"), "<x/>");
        Tombstone before = new Tombstone("id", "1/2", Instant.EPOCH, List.of("col_1_3"), List.of("com_1_1", "com_1_8"),
                                         "<y/>");
        Tombstone merged = now.alsoIn(before);
        assertThat(merged.collections(), is(List.of("col_1_9", "col_1_3")));
        assertThat(merged.communities(), is(List.of("com_1_8", "com_1_1")));
        assertThat(merged.compiled(), is("<x/>"));
        assertThat(merged.dated(Instant.ofEpochSecond(5)).deletedAt(), is(Instant.ofEpochSecond(5)));
    }
}
