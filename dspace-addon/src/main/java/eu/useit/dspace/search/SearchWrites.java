/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.io.IOException;
import java.sql.SQLException;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.dspace.core.Context;
import org.dspace.discovery.IndexableObject;
import org.dspace.discovery.SolrSearchCore;
import org.dspace.discovery.indexobject.IndexableItem;
import org.dspace.discovery.indexobject.factory.IndexFactory;
import org.dspace.discovery.indexobject.factory.IndexObjectFactoryFactory;

/**
 * Search documents written and removed through DSpace's index factories, as DSpace's indexing service does, but
 * with a failed write thrown to the caller: DSpace 8.1's {@code SolrServiceImpl.indexContent} and
 * {@code unIndexContent} log a write Solr refused and return, so a repair that failed would count as done and the
 * index queue would drop the item. Every write the addon makes to repair or rebuild the search core goes here. An
 * item's document is written by its factory (DSpace's and the addon's throw what Solr refused); any other
 * document (a deposit, an item in review, a review task, a collection, a community) is added here, as DSpace's
 * factories add it, whose own write logs a failure and returns.
 */
public final class SearchWrites {

    /** The bean's name in {@code config/spring/api/useit-services.xml}. */
    public static final String BEAN = "useitSearchWrites";

    private final IndexObjectFactoryFactory factories;
    private final SolrSearchCore searchCore;

    /**
     * The Spring bean {@link #BEAN}.
     *
     * @param factories  DSpace's search document factories
     * @param searchCore DSpace's search core
     */
    public SearchWrites(IndexObjectFactoryFactory factories, SolrSearchCore searchCore) {
        this.factories = factories;
        this.searchCore = searchCore;
    }

    /**
     * @return the search core's client (null when DSpace has none configured)
     */
    public SolrClient solr() {
        return searchCore.getSolr();
    }

    /**
     * @param context a DSpace context
     * @param object  an item, collection, community, workspace or workflow item
     * @throws SQLException        on database failure
     * @throws IOException         if Solr cannot be reached or a file's text cannot be read
     * @throws SolrServerException if Solr refuses the document
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void write(Context context, IndexableObject object)
        throws SQLException, IOException, SolrServerException {
        IndexFactory factory = factories.getIndexableObjectFactory(object);
        if (object instanceof IndexableItem) {
            factory.writeDocument(context, object, factory.buildDocument(context, object));
        } else {
            SolrClient solr = solr();
            if (solr == null) {
                throw new IOException("the search core (discovery.search.server) cannot be reached");
            }
            solr.add(factory.buildDocument(context, object));
        }
    }

    /**
     * @param uniqueId a search document's id ({@code Item-<uuid>}, ...); an id of no known type is left alone
     * @throws IOException         if Solr cannot be reached
     * @throws SolrServerException if Solr refuses the deletion
     */
    public void remove(String uniqueId) throws IOException, SolrServerException {
        IndexFactory<?, ?> factory = factories.getIndexableObjectFactory(uniqueId);
        if (factory != null) {
            factory.delete(uniqueId);
        }
    }
}
