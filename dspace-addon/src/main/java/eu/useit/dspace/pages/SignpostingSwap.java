/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.util.Map;

import eu.useit.dspace.support.BeanSwap;

/**
 * Makes FAIR Signposting name only the files anybody may download: the bean of DSpace's processor of an item's files
 * (in the site's {@code config/spring/rest/signposting.xml}, which lists closed files too) gets
 * {@link OpenFilesSignposting} ({@link BeanSwap}: the site's file is not edited). A site without signposting, and the
 * command line, have no such bean: nothing to do.
 * <p>
 * Declared in {@code config/spring/rest/useit-signposting.xml}.
 */
public class SignpostingSwap extends BeanSwap {

    /** DSpace's class, by name: the REST webapp's classes are not on the command line's class path. */
    private static final String DSPACE_FILES = "org.dspace.app.rest.signposting.processor.item."
        + "ItemContentBitstreamsProcessor";

    @Override
    protected Map<String, Swap> swaps() {
        return Map.of(DSPACE_FILES, new Swap(OpenFilesSignposting.class.getName(),
                                             "an item's linkset names only the files anybody may download", true));
    }
}
