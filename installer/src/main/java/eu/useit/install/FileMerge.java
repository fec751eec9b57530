/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

/**
 * Merges our part into one of a site's XML files, keeping the site's bytes where it changes nothing.
 */
interface FileMerge {

    /**
     * @param site the site's file
     * @param name the site's file, for messages
     * @return the merged file, what changed and the notes for the administrator
     * @throws InstallException if the site's file is malformed, or cannot take ours
     */
    Merged mergeInto(byte[] site, String name) throws InstallException;
}
