/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.taxonomy;

import java.util.List;

/**
 * One node of the USE-IT! strand vocabulary: a strand, a sub-theme, or the root that stands for the scheme.
 *
 * @param id       stable slug id, parent id first, joined by ":" (e.g. {@code skills-matching:placements})
 * @param label    the name people read
 * @param note     what it covers (may be empty)
 * @param parentId the parent's id, or null for the root
 * @param children the sub-themes, in file order
 */
public record Strand(String id, String label, String note, String parentId, List<Strand> children) {

    /**
     * @return true for the root node, which stands for the whole scheme
     */
    public boolean isRoot() {
        return parentId == null;
    }
}
