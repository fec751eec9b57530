/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;

import com.lyncode.xoai.dataprovider.core.DeleteMethod;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.dspace.core.Context;
import org.dspace.xoai.services.api.EarliestDateResolver;
import org.dspace.xoai.services.api.config.ConfigurationService;
import org.dspace.xoai.services.api.solr.SolrServerResolver;
import org.dspace.xoai.services.impl.xoai.DSpaceRepositoryConfiguration;

/**
 * DSpace's Identify answer with two corrections: {@code deletedRecord=persistent} (withdrawn, private and deleted
 * items keep a tombstone for good, see {@code eu.useit.dspace.oai.index}, where stock DSpace declares
 * {@code transient}), and {@code earliestDatestamp} taken from the records themselves (stock DSpace takes the
 * earliest {@code dc.date.available}, later than the datestamps of records that never had one; its answer stays
 * for an empty OAI index). One instance serves one request, as DSpace's own does.
 */
public final class UseitIdentify extends DSpaceRepositoryConfiguration {

    private static final String DATESTAMP = Keyset.DATESTAMP_FIELD;

    private final SolrServerResolver solr;

    /**
     * @param dates         DSpace's earliest date (for an empty OAI index)
     * @param configuration DSpace's configuration as its OAI layer reads it (name, administrators' e-mail, base URL)
     * @param context       the request's DSpace context
     * @param solr          the OAI core
     */
    public UseitIdentify(EarliestDateResolver dates, ConfigurationService configuration, Context context,
                         SolrServerResolver solr) {
        super(dates, configuration, context);
        this.solr = solr;
    }

    @Override
    public DeleteMethod getDeleteMethod() {
        return DeleteMethod.PERSISTENT;
    }

    @Override
    public Date getEarliestDate() {
        try {
            SolrDocumentList first = solr.getServer().query(new SolrQuery("*:*").setRows(1).setFields(DATESTAMP)
                .addSort(DATESTAMP, SolrQuery.ORDER.asc)).getResults();
            Date earliest = first.isEmpty() ? null : (Date) first.get(0).getFieldValue(DATESTAMP);
            return earliest != null ? earliest : super.getEarliestDate();
        } catch (SolrServerException | SolrException | IOException e) {
            // SolrException: Solr answered with an error (a core reloading, a shard without a live replica)
            throw new UncheckedIOException(new IOException("The OAI index cannot be read: " + e.getMessage(), e));
        }
    }
}
