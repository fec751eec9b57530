/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import com.lyncode.xoai.dataprovider.core.DeleteMethod;
import com.lyncode.xoai.dataprovider.core.Granularity;
import com.lyncode.xoai.dataprovider.services.api.RepositoryConfiguration;

/**
 * DSpace's Identify answer with two corrections: {@code deletedRecord=persistent} (withdrawn, private and deleted
 * items keep a tombstone for good, see {@code eu.useit.dspace.oai.index}, where stock DSpace declares
 * {@code transient}), and {@code earliestDatestamp} taken from the records themselves (stock DSpace takes the
 * earliest {@code dc.date.available}, later than the datestamps of records that never had one).
 *
 * @param dspace            DSpace's repository configuration
 * @param earliestDatestamp the earliest datestamp of the OAI index, or null when it is empty
 */
public record UseitIdentify(RepositoryConfiguration dspace, Supplier<Date> earliestDatestamp)
    implements RepositoryConfiguration {

    @Override
    public DeleteMethod getDeleteMethod() {
        return DeleteMethod.PERSISTENT;
    }

    @Override
    public String getRepositoryName() {
        return dspace.getRepositoryName();
    }

    @Override
    public List<String> getAdminEmails() {
        return dspace.getAdminEmails();
    }

    @Override
    public String getBaseUrl() {
        return dspace.getBaseUrl();
    }

    @Override
    public Date getEarliestDate() {
        Date earliest = earliestDatestamp.get();
        return earliest != null ? earliest : dspace.getEarliestDate();
    }

    @Override
    public Granularity getGranularity() {
        return dspace.getGranularity();
    }

    @Override
    public List<String> getDescription() {
        return dspace.getDescription();
    }
}
