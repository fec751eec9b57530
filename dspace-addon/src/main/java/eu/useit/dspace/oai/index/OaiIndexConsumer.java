/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.oai.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.authorize.factory.AuthorizeServiceFactory;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.event.Consumer;
import org.dspace.event.Event;
import org.dspace.kernel.ServiceManager;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.dspace.xoai.app.XOAIExtensionItemCompilePlugin;
import org.dspace.xoai.solr.DSpaceSolrServer;

/**
 * A DSpace event consumer that updates the OAI index when a change to an item is committed, so harvesters see new
 * deposits and withdrawals at once instead of after the next {@code dspace oai import}. Configured in
 * {@code config/modules/useit.cfg} as consumer {@code useitoai}; add it to {@code event.dispatcher.default.consumers}.
 */
public class OaiIndexConsumer implements Consumer {

    private static final Logger log = LogManager.getLogger(OaiIndexConsumer.class);

    private static OaiIndexer indexer;

    private final Set<UUID> changed = new LinkedHashSet<>();

    /**
     * @return the indexer of this DSpace (made on first use)
     * @throws Exception if the OAI core cannot be reached
     */
    public static synchronized OaiIndexer indexer() throws Exception {
        if (indexer == null) {
            ServiceManager services = DSpaceServicesFactory.getInstance().getServiceManager();
            List<XOAIExtensionItemCompilePlugin> plugins =
                services.getServicesByType(XOAIExtensionItemCompilePlugin.class);
            indexer = new OaiIndexer(DSpaceSolrServer.getServer(),
                new TombstoneStore(services.getServiceByName("dataSource", DataSource.class)),
                new OaiDocuments(ContentServiceFactory.getInstance().getCommunityService(), plugins),
                ContentServiceFactory.getInstance().getItemService(),
                AuthorizeServiceFactory.getInstance().getAuthorizeService(),
                AuthorizeServiceFactory.getInstance().getResourcePolicyService());
        }
        return indexer;
    }

    @Override
    public void initialize() {
        // the indexer is made when the first change arrives
    }

    @Override
    public void consume(Context context, Event event) {
        if (event.getSubjectType() == Constants.ITEM && event.getSubjectID() != null) {
            changed.add(event.getSubjectID());
        } else if (event.getObjectType() == Constants.ITEM && event.getObjectID() != null) {
            changed.add(event.getObjectID());
        }
    }

    @Override
    public void end(Context context) {
        if (changed.isEmpty()) {
            return;
        }
        Set<UUID> ids = new LinkedHashSet<>(changed);
        changed.clear();
        try {
            indexer().update(context, ids);
        } catch (Exception e) {
            // the commit stands; the next `dspace oai import` brings these records up to date
            log.error("The OAI index could not be updated for {} item(s): {}", ids.size(), e.getMessage(), e);
        }
    }

    @Override
    public void finish(Context context) {
        // nothing to release
    }
}
