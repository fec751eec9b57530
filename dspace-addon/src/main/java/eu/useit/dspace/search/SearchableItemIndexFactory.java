/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.io.IOException;
import java.sql.SQLException;

import eu.useit.dspace.access.ReadPolicies;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrInputDocument;
import org.dspace.authorize.service.ResourcePolicyService;
import org.dspace.content.Bitstream;
import org.dspace.content.Item;
import org.dspace.core.Context;
import org.dspace.discovery.indexobject.IndexableItem;
import org.dspace.discovery.indexobject.ItemIndexFactoryImpl;
import org.dspace.discovery.indexobject.factory.IndexObjectFactoryFactory;
import org.dspace.eperson.service.GroupService;
import org.dspace.storage.bitstore.factory.StorageServiceFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DSpace's item indexing, except for the full text: a search document holds the text of the files that everyone who
 * may find it may read ({@link FullTextFiles}), and records which ones in {@link #FULLTEXT_FILES}, so that a later
 * check can tell when a change of a file's access calls for the document to be written again
 * ({@link SearchDocuments#verify}). A document is always written, with no text where none can be read. Put in place
 * of DSpace's class by {@link IndexingSwap}.
 */
public class SearchableItemIndexFactory extends ItemIndexFactoryImpl {

    private static final Logger log = LogManager.getLogger(SearchableItemIndexFactory.class);

    /** The field DSpace writes the extracted text into. */
    private static final String FULLTEXT = "fulltext";

    /** The field naming the text files whose text a document holds (their UUIDs). */
    public static final String FULLTEXT_FILES = "useit.fulltext.files_keyword";

    /**
     * The item documents that hold full text but name no text file: written by DSpace's own class (before the
     * addon was installed, or by another process without it), so they may hold the text of any file.
     */
    public static final String UNCHECKED_TEXT = "search.resourcetype:Item AND fulltext:[* TO *] AND -"
        + FULLTEXT_FILES + ":[* TO *]";

    @Autowired
    private ResourcePolicyService policies;
    @Autowired
    private GroupService groups;

    /**
     * @return whether DSpace indexes items with this class (see {@link IndexingSwap})
     */
    public static boolean inUse() {
        return IndexObjectFactoryFactory.getInstance().getIndexFactoryByType(IndexableItem.TYPE)
            instanceof SearchableItemIndexFactory;
    }

    /**
     * @return whether the plugins writing this factory's documents include {@link ReadableFileInfoPlugin}
     */
    public boolean namesReadableFiles() {
        return solrServiceIndexPlugins != null
            && solrServiceIndexPlugins.stream().anyMatch(ReadableFileInfoPlugin.class::isInstance);
    }

    /** The rule choosing the texts, with the services Spring gave this bean. */
    private FullTextFiles fullTextFiles() {
        return new FullTextFiles(new ReadPolicies(policies, groups));
    }

    @Override
    public void writeDocument(Context context, IndexableItem indexable, SolrInputDocument document)
        throws SQLException, IOException, SolrServerException {
        Item item = indexable.getIndexedObject();
        SearchableFullText text = SearchableFullText.open(context, item, fullTextFiles().searchable(context, item),
            StorageServiceFactory.getInstance().getBitstreamStorageService());
        document.removeField(FULLTEXT_FILES);
        for (Bitstream file : text.files()) {
            document.addField(FULLTEXT_FILES, file.getID().toString());
        }
        try {
            writeDocument(document, text);
        } catch (IOException unreadable) {
            if (document.containsKey(FULLTEXT)) {
                // the text was extracted: Solr failed, which the index queue tries again
                throw unreadable;
            }
            // the text could not be extracted: the document is still written (its access fields are what matter
            // most), without text and naming no file, so that the next check of the item tries the text again
            log.warn("The full text of item {} could not be extracted; its document is written without it: {}",
                     item.getHandle(), unreadable.getMessage());
            document.removeField(FULLTEXT_FILES);
            writeDocument(document, null);
        } finally {
            text.close();
        }
    }
}
