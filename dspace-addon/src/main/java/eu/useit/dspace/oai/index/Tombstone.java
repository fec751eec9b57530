/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What stays of a record that harvesters saw and that is no longer public (withdrawn, made private, made
 * non-discoverable or deleted): enough to answer with a deleted header in every context and set it was in.
 *
 * @param itemId      the item's UUID
 * @param handle      the item's handle
 * @param deletedAt   when it stopped being public: the deleted record's datestamp
 * @param collections its collection set specs ({@code col_...})
 * @param communities its community set specs ({@code com_...})
 * @param compiled    its last compiled XOAI metadata (the context, format and set filters read it)
 */
public record Tombstone(String itemId, String handle, Instant deletedAt, List<String> collections,
                        List<String> communities, String compiled) {

    /**
     * @param when when the item stopped being public
     * @return this tombstone dated then
     */
    public Tombstone dated(Instant when) {
        return new Tombstone(itemId, handle, when, collections, communities, compiled);
    }

    /**
     * @param earlier the item's tombstone as its last public record was (its sets then)
     * @return this tombstone in the earlier one's sets too: harvesters of a set the item left as it stopped being
     *     public (moved to a closed collection) learn of the deletion there
     */
    public Tombstone alsoIn(Tombstone earlier) {
        Set<String> allCollections = new LinkedHashSet<>(collections);
        allCollections.addAll(earlier.collections());
        Set<String> allCommunities = new LinkedHashSet<>(communities);
        allCommunities.addAll(earlier.communities());
        return new Tombstone(itemId, handle, deletedAt, new ArrayList<>(allCollections),
                             new ArrayList<>(allCommunities), compiled);
    }
}
