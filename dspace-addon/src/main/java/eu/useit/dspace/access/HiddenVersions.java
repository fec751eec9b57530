/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.sql.SQLException;

import org.dspace.content.Item;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.versioning.Version;
import org.dspace.versioning.VersionHistory;
import org.dspace.versioning.service.VersionHistoryService;
import org.dspace.versioning.service.VersioningService;

/**
 * Versions and version histories of items a caller may not see ({@link HiddenItems}). DSpace 8.1 numbers them in
 * sequence ({@code /api/versioning/versions/<n>}, {@code /versionhistories/<n>}) and shows one to anybody who may
 * READ its item: counting through the numbers told which private items exist, when each was made and how many
 * versions it has, and a withdrawn one answered 401/403 where a number of nothing is 404. A version is hidden with
 * its item; a history when the caller may see the item of none of its versions.
 *
 * @param hidden    which items callers may not see
 * @param versions  DSpace's versioning service
 * @param histories DSpace's version history service
 */
public record HiddenVersions(HiddenItems hidden, VersioningService versions, VersionHistoryService histories) {

    /** The bean's name in {@code config/spring/api/useit-services.xml}. */
    public static final String BEAN = "useitHiddenVersions";

    /**
     * @param context the caller's context
     * @param history whether the number is a version history's (else a version's)
     * @param number  the number as an address or a permission check gives it (DSpace reads {@code 0005} as 5)
     * @return true if the version or history is hidden from the caller (false for what is not a number of one)
     * @throws SQLException on database failure
     */
    public boolean hides(Context context, boolean history, String number) throws SQLException {
        Integer id = HiddenItems.number(number);
        if (id == null) {
            return false;
        }
        return history ? hidesHistory(context, id) : hidesVersion(context, id);
    }

    /**
     * @param context the caller's context
     * @param id      a version's number
     * @return true if the version is of an item the caller may not see (false for a number of nothing)
     * @throws SQLException on database failure
     */
    public boolean hidesVersion(Context context, int id) throws SQLException {
        Version version = versions.getVersion(context, id);
        return version != null && hides(context, version);
    }

    /**
     * @param context the caller's context
     * @param id      a version history's number
     * @return true if the history has versions and the caller may see the item of none of them (false for a number
     *     of nothing)
     * @throws SQLException on database failure
     */
    public boolean hidesHistory(Context context, int id) throws SQLException {
        VersionHistory history = histories.find(context, id);
        if (history == null) {
            return false;
        }
        boolean any = false;
        for (Version version : versions.getVersionsByHistory(context, history)) {
            if (!hides(context, version)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private boolean hides(Context context, Version version) throws SQLException {
        Item item = version.getItem();
        return item != null && hidden.hides(context, Constants.ITEM, item.getID());
    }
}
