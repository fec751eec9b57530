/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import eu.useit.tests.support.AbstractRepositoryProcessIT;
import eu.useit.tests.support.HarvestLoad;
import eu.useit.tests.support.RepositoryProcess;
import org.junit.Test;

/**
 * The small version of the load benchmark ({@code bench/results/load.md}): two harvesters walk the whole OAI-PMH
 * list (over 200 records, so three pages) over and over while 40 items are deposited in two imports and 6 withdrawn
 * through {@code ./useit dspace};
 * no wrong answer, no identifier twice, every untouched item in every harvest, every change in the incremental
 * harvest that follows each harvest ({@link HarvestLoad}).
 */
public class LoadIT extends AbstractRepositoryProcessIT {

    @Test
    public void harvestsMissNothingWhileItemsAreDepositedAndWithdrawn() throws Exception {
        repository = RepositoryProcess.startAfresh("load");
        HarvestLoad.Result result = new HarvestLoad(repository, new HarvestLoad.Settings(2, 40, 2, 6, 120),
                                                    System.out::println).run();
        System.out.println("load: " + result.harvests() + " whole harvests, " + result.pageMillis().size()
                               + " pages");
        assertThat(result.harvests(), greaterThanOrEqualTo(4));
        assertThat(result.problems(), empty());
    }
}
