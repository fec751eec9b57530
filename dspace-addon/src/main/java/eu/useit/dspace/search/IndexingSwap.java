/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.util.Map;

import eu.useit.dspace.support.BeanSwap;
import org.dspace.content.BundleServiceImpl;
import org.dspace.discovery.SolrServiceFileInfoPlugin;
import org.dspace.discovery.indexobject.ItemIndexFactoryImpl;
import org.dspace.eperson.GroupServiceImpl;

/**
 * Makes DSpace index what it indexes about files only for files their finders may read: the bean of DSpace's
 * {@link ItemIndexFactoryImpl} (full text; declared in DSpace's {@code core-services.xml}) gets
 * {@link SearchableItemIndexFactory}, and a bean of {@link SolrServiceFileInfoPlugin} (file names and descriptions;
 * DSpace's {@code discovery.xml}) gets {@link ReadableFileInfoPlugin}, each an extension of DSpace's class, before any
 * bean is made. DSpace's {@link BundleServiceImpl} bean gets {@link BundleServiceWithEvents}, so that a change of a
 * bundle's policies reaches the indexes (DSpace fires no event for it), and its {@link GroupServiceImpl} bean gets
 * {@link GroupServiceWithEvents}, so that what a group's deletion changes does too ({@link BeanSwap}: the site's
 * files are not edited; a site's own extension of any of them is left alone, with a warning).
 * <p>
 * Declared in {@code config/spring/api/useit-discovery.xml}.
 */
public class IndexingSwap extends BeanSwap {

    private static final String FILES = "files only where everyone who finds the item may read them";

    @Override
    protected Map<String, Swap> swaps() {
        // DSpace's file-info plugin is optional (a site may leave it out of discovery.xml)
        return Map.of(
            ItemIndexFactoryImpl.class.getName(), new Swap(SearchableItemIndexFactory.class.getName(), FILES, false),
            SolrServiceFileInfoPlugin.class.getName(), new Swap(ReadableFileInfoPlugin.class.getName(), FILES, true),
            BundleServiceImpl.class.getName(), new Swap(BundleServiceWithEvents.class.getName(),
                                                        "a change of a bundle's policies reaches the indexes", false),
            GroupServiceImpl.class.getName(), new Swap(GroupServiceWithEvents.class.getName(),
                                                       "what a group's deletion changes reaches the indexes", false));
    }
}
