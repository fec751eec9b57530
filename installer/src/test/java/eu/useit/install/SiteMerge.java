/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.nio.charset.StandardCharsets;

/**
 * One of our merges, made from the bundled drop-ins, with the test site's file it merges into ({@link SiteHome}).
 *
 * @param merge the merge
 * @param file  the file it merges into, relative to the DSpace home ({@code config/item-submission.xml})
 * @param site  the test site's file, as text
 * @param <M>   the merge
 */
record SiteMerge<M extends FileMerge>(M merge, String file, String site) {

    /** Makes a merge from our drop-ins. */
    interface Maker<M> {
        /**
         * @param ours the bundled drop-ins
         * @return the merge
         * @throws Exception if a drop-in cannot be read
         */
        M make(DropIns ours) throws Exception;
    }

    /**
     * @param maker makes the merge
     * @param file  the file it merges into, relative to the DSpace home ({@code config/item-submission.xml})
     * @param <M>   the merge
     * @return the merge with the test site's file
     */
    static <M extends FileMerge> SiteMerge<M> of(Maker<M> maker, String file) {
        try {
            return new SiteMerge<>(maker.make(DropIns.bundled()), file,
                                   SiteHome.text(file.substring(file.lastIndexOf('/') + 1)));
        } catch (Exception e) {
            throw new IllegalStateException("the merge of " + file + " could not be made: " + e, e);
        }
    }

    /**
     * @param text a site's file
     * @return ours merged into it
     */
    Merged into(String text) throws InstallException {
        return merge.mergeInto(text.getBytes(StandardCharsets.UTF_8), file);
    }

    /**
     * @param earlier what an earlier run wrote
     * @return ours merged into that again
     */
    Merged again(Merged earlier) throws InstallException {
        return merge.mergeInto(earlier.content(), file);
    }
}
