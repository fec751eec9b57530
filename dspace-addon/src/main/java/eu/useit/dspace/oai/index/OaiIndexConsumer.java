/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.useit.dspace.support.HibernateSession;
import eu.useit.dspace.support.UseitBeans;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.core.Context;
import org.dspace.event.Consumer;
import org.dspace.event.Event;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * A DSpace event consumer that keeps the OAI index current, so harvesters see new deposits, withdrawals and changes
 * of access at once instead of after the next {@code dspace oai import}: changes to items, to their files and bundles
 * (a file restricted or embargoed), and, through them, to related items (records name related items only while those
 * are public). DSpace calls consumers before it commits: the changed items go into the {@link IndexQueue} in the same
 * transaction, and the {@link IndexWorker} writes their records after the commit, as an anonymous user. Configured
 * in {@code config/modules/useit.cfg} as consumer {@code useitoai}; add it to
 * {@code event.dispatcher.default.consumers}.
 */
public class OaiIndexConsumer implements Consumer {

    private static final Logger log = LogManager.getLogger(OaiIndexConsumer.class);

    /** The objects whose events the consumer needs (config/modules/useit.cfg). */
    private static final List<String> FILTERED = List.of("Item", "Bundle", "Bitstream", "Collection", "Community",
                                                         "Group");

    private final ChangedItems changed = new ChangedItems();

    /**
     * @return the indexer of this DSpace: the Spring bean {@code useitOaiIndexer}
     *     ({@code config/spring/api/useit-services.xml}), made on first use
     */
    public static OaiIndexer indexer() {
        return UseitBeans.get("useitOaiIndexer", OaiIndexer.class);
    }

    /**
     * @return the worker that empties the index queue of this DSpace: the Spring bean {@code useitIndexWorker},
     *     made on first use with its queue's table
     */
    public static IndexWorker worker() {
        return UseitBeans.get("useitIndexWorker", IndexWorker.class);
    }

    @Override
    public void initialize() throws Exception {
        // the table must exist before a change is queued in a user's transaction
        worker();
        String filters = DSpaceServicesFactory.getInstance().getConfigurationService()
                                              .getProperty("event.consumer.useitoai.filters", "");
        List<String> missing = FILTERED.stream().filter(type -> !filters.toLowerCase().contains(type.toLowerCase()))
                                       .toList();
        if (!missing.isEmpty()) {
            // a site that kept an older value (local.cfg) would miss those changes without a word
            log.warn("event.consumer.useitoai.filters does not name {}: changes to them do not reach the OAI and"
                         + " search indexes until the items' next change (config/modules/useit.cfg has the value)",
                     missing);
        }
    }

    @Override
    public void consume(Context context, Event event) {
        changed.add(event);
    }

    @Override
    public void end(Context context) {
        if (changed.isEmpty()) {
            return;
        }
        ChangedItems changes = changed.drain();
        IndexWorker indexWorker;
        try {
            indexWorker = worker();
        } catch (RuntimeException e) {
            // the next start's index check writes what is missing (`dspace useit-reindex` too)
            log.error("Changed items could not be queued for the OAI index: {}", e.getMessage(), e);
            return;
        }
        try {
            Set<UUID> items = indexWorker.affected().of(context, changes);
            if (items.isEmpty()) {
                return;
            }
            Session session = HibernateSession.current();
            indexWorker.queue().add(session, items);
            afterCommit(session, indexWorker::wake);
        } catch (Exception e) {
            // never let indexing fail a user's change: once it is committed, the worker queues it instead
            log.error("Changed items could not be queued in their transaction; the index worker queues them: {}",
                      e.getMessage(), e);
            afterCommit(HibernateSession.current(), () -> indexWorker.queueLater(changes));
        }
    }

    /** Runs {@code then} when the transaction commits (at once if there is none); not when it rolls back. */
    private static void afterCommit(Session session, Runnable then) {
        Transaction transaction = session.getTransaction();
        if (transaction == null || !transaction.isActive()) {
            then.run();
            return;
        }
        transaction.registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    then.run();
                }
            }
        });
    }

    @Override
    public void finish(Context context) {
        // nothing to release
    }
}
