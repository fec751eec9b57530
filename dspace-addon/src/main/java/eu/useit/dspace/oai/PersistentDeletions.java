/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.oai;

import java.util.Date;
import java.util.List;

import com.lyncode.xoai.dataprovider.core.DeleteMethod;
import com.lyncode.xoai.dataprovider.core.Granularity;
import com.lyncode.xoai.dataprovider.services.api.RepositoryConfiguration;

/**
 * DSpace's Identify answer, saying {@code deletedRecord=persistent}: withdrawn, private and deleted items keep a
 * tombstone for good (see {@code eu.useit.dspace.oai.index}), where stock DSpace declares {@code transient}.
 */
public final class PersistentDeletions implements RepositoryConfiguration {

    private final RepositoryConfiguration dspace;

    /**
     * @param dspace DSpace's repository configuration
     */
    public PersistentDeletions(RepositoryConfiguration dspace) {
        this.dspace = dspace;
    }

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
        return dspace.getEarliestDate();
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
