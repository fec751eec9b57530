/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.lyncode.xoai.dataprovider.core.ListSetsResult;
import com.lyncode.xoai.dataprovider.core.Set;
import com.lyncode.xoai.dataprovider.services.api.SetRepository;
import eu.useit.dspace.support.Characters;

/**
 * The sets of the repository: the strand sets first, then DSpace's community and collection sets that anonymous
 * users may read ({@link AnonymousSets}). (XOAI adds the configured static sets, such as the item-type sets,
 * itself.)
 *
 * @param strands  the strand sets
 * @param dspace   DSpace's set repository (communities and collections)
 * @param readable which set specs name a community or collection that anonymous users may read
 */
public record UseitSetRepository(StrandSets strands, SetRepository dspace, Predicate<String> readable)
    implements SetRepository {

    @Override
    public boolean supportSets() {
        return true;
    }

    @Override
    public ListSetsResult retrieveSets(int offset, int length) {
        List<Set> all = new ArrayList<>();
        for (StrandSets.StrandSet strand : strands.all()) {
            all.add(new Set(strand.spec(), Characters.clean(strand.name())));
        }
        // DSpace's sets are few (one per community and collection); they are read whole, in one call (each call
        // reads every community and collection to count them), to leave out the closed
        for (Set set : dspace.retrieveSets(0, Integer.MAX_VALUE).getResults()) {
            if (readable.test(set.getSetSpec())) {
                // a name may hold characters XML cannot (pasted control characters): they would fail every page
                all.add(new Set(set.getSetSpec(), Characters.clean(set.getSetName())));
            }
        }
        List<Set> page = all.subList(Math.min(offset, all.size()), Math.min(offset + length, all.size()));
        return new ListSetsResult(offset + length < all.size(), new ArrayList<>(page), all.size());
    }

    /**
     * A strand set, or a community or collection set that anonymous users may read. XOAI asks this for every set of
     * every record it sends; {@code readable} finds the set's object itself, so DSpace's own {@code exists}, which
     * would find it once more through DSpace's slow handle query, is not asked.
     */
    @Override
    public boolean exists(String setSpec) {
        return StrandSets.isStrandSpec(setSpec) ? strands.exists(setSpec) : readable.test(setSpec);
    }
}
