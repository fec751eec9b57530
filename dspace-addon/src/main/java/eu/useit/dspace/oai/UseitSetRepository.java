/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.util.ArrayList;
import java.util.List;

import com.lyncode.xoai.dataprovider.core.ListSetsResult;
import com.lyncode.xoai.dataprovider.core.Set;
import com.lyncode.xoai.dataprovider.services.api.SetRepository;

/**
 * The sets of the repository: the strand sets first, then DSpace's community and collection sets. (XOAI adds the
 * configured static sets, such as the item-type sets, itself.)
 */
public final class UseitSetRepository implements SetRepository {

    private final StrandSets strands;
    private final SetRepository dspace;

    /**
     * @param strands the strand sets
     * @param dspace  DSpace's set repository (communities and collections)
     */
    public UseitSetRepository(StrandSets strands, SetRepository dspace) {
        this.strands = strands;
        this.dspace = dspace;
    }

    @Override
    public boolean supportSets() {
        return true;
    }

    @Override
    public ListSetsResult retrieveSets(int offset, int length) {
        List<StrandSets.StrandSet> all = strands.all();
        List<Set> page = new ArrayList<>();
        for (int i = offset; i < all.size() && page.size() < length; i++) {
            page.add(new Set(all.get(i).spec(), all.get(i).name()));
        }
        int dspaceOffset = Math.max(0, offset - all.size());
        int dspaceLength = length - page.size();
        ListSetsResult rest = dspace.retrieveSets(dspaceOffset, Math.max(dspaceLength, 1));
        if (dspaceLength > 0) {
            page.addAll(rest.getResults());
        }
        int total = all.size() + rest.getTotalResults();
        return new ListSetsResult(offset + length < total, page, total);
    }

    @Override
    public boolean exists(String setSpec) {
        return StrandSets.isStrandSpec(setSpec) ? strands.exists(setSpec) : dspace.exists(setSpec);
    }
}
