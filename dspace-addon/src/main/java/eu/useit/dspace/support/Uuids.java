/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import java.util.UUID;

/**
 * Reading a UUID from text that may not be one (an address, a parameter, a stored value).
 */
public final class Uuids {

    private Uuids() {
    }

    /**
     * @param text some text, or null
     * @return the UUID it is, read as {@link UUID#fromString} reads it (as DSpace does), or null if it is none
     */
    public static UUID orNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
