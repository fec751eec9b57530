/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.sql.SQLException;

import eu.useit.dspace.access.ReadPolicies;
import eu.useit.dspace.support.UseitBeans;
import org.apache.solr.common.SolrInputDocument;
import org.dspace.content.Bitstream;
import org.dspace.core.Context;
import org.dspace.discovery.IndexableObject;
import org.dspace.discovery.SolrServiceFileInfoPlugin;
import org.dspace.discovery.indexobject.IndexableItem;
import org.dspace.discovery.indexobject.factory.IndexObjectFactoryFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DSpace's plugin that makes items findable by the names and descriptions of their deposited files, for the files
 * that everyone who may find the item may read ({@link FullTextFiles#readable}): DSpace's own indexes every file's,
 * so that a public item is found by the name of a restricted one. The document names those files in
 * {@link #NAMED_FILES}, for {@link SearchDocuments#verify} to tell when a file's access changed. Put in place of
 * DSpace's class by {@link IndexingSwap}, where a site enables it (DSpace's {@code discovery.xml} does).
 */
public class ReadableFileInfoPlugin extends SolrServiceFileInfoPlugin {

    /** The field naming the files whose names a document holds (their UUIDs). */
    public static final String NAMED_FILES = "useit.named.files_keyword";

    private static final String NAMES = "original_bundle_filenames";

    /**
     * The item documents that hold file names but name no file: written by DSpace's own plugin (before the addon
     * was installed, or by another process without it), so they may hold the names of any file.
     */
    public static final String UNCHECKED_NAMES = "search.resourcetype:Item AND " + NAMES + ":[* TO *] AND -"
        + NAMED_FILES + ":[* TO *]";
    private static final String DESCRIPTIONS = "original_bundle_descriptions";

    private ObjectProvider<ReadPolicies> reads;

    /**
     * @param reads the READ policies (the bean {@code useitReadPolicies}, found when first needed)
     */
    @Autowired
    public void setReadPolicies(ObjectProvider<ReadPolicies> reads) {
        this.reads = reads;
    }

    @Override
    public void additionalIndex(Context context, IndexableObject indexable, SolrInputDocument document) {
        if (!(indexable instanceof IndexableItem item)) {
            return;
        }
        try {
            FullTextFiles files = new FullTextFiles(UseitBeans.installed(reads, ReadPolicies.BEAN));
            for (Bitstream file : files.readable(context, item.getIndexedObject())) {
                document.addField(NAMED_FILES, file.getID().toString());
                addWithFilters(document, NAMES, file.getName());
                addWithFilters(document, DESCRIPTIONS, file.getDescription());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the files of item " + item.getID() + " could not be read", e);
        }
    }

    /** A value, and its exact copies for filters and facets (as DSpace's plugin writes them). */
    private static void addWithFilters(SolrInputDocument document, String field, String value) {
        if (value != null && !value.isEmpty()) {
            document.addField(field, value);
            document.addField(field + "_keyword", value);
            document.addField(field + "_filter", value);
        }
    }

    /**
     * @return whether DSpace indexes items with this plugin (the site enables DSpace's, which was swapped for it) and
     *     with {@link SearchableItemIndexFactory}
     */
    public static boolean inUse() {
        return IndexObjectFactoryFactory.getInstance().getIndexFactoryByType(IndexableItem.TYPE)
            instanceof SearchableItemIndexFactory items && items.namesReadableFiles();
    }
}
