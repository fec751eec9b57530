/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import eu.useit.dspace.search.SearchDocuments;
import eu.useit.dspace.support.AnonymousWork;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.core.Context;

/**
 * Empties the {@link IndexQueue}: writes the OAI-PMH records of the queued items and of the items related to them,
 * checks the queued items' search documents (written again where DSpace's own consumer failed, removed for items
 * that are gone) and writes those of the related items, as an anonymous user on a thread of its own. Woken after each
 * commit that queued items; in a web application it also looks at the queue every few seconds (changes committed by
 * a command in another process, items whose indexing failed). When a batch fails, its items are tried one by one,
 * so one bad record never holds back the others; an item that fails waits, and is tried again later.
 * <p>
 * Every piece of work holds the {@link IndexClaim} while it writes, so that of the processes sharing the database
 * (web nodes, commands) one writes at a time: a drain that finds the claim taken leaves the queue to the process
 * that holds it (it empties the queue before it lets go, and the next look at the queue comes a few seconds later);
 * other work waits for the claim.
 */
public final class IndexWorker {

    private static final Logger log = LogManager.getLogger(IndexWorker.class);

    private static final int BATCH = 200;
    /** How long work other than a drain waits for another process's claim. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private final IndexQueue queue;
    private final OaiIndexer indexer;
    private final AffectedItems affected;
    private final SearchDocuments documents;
    private final AnonymousWork work = new AnonymousWork("useit-index-worker");
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicBoolean polling = new AtomicBoolean();
    /** Changes that could not be queued in their own transaction: queued by the worker, at each look, until done. */
    private final Queue<ChangedItems> unqueued = new ConcurrentLinkedQueue<>();

    /**
     * @param queue     the queue
     * @param indexer   the OAI indexer
     * @param affected  what changes affect
     * @param documents the search documents
     */
    public IndexWorker(IndexQueue queue, OaiIndexer indexer, AffectedItems affected, SearchDocuments documents) {
        this.queue = queue;
        this.indexer = indexer;
        this.affected = affected;
        this.documents = documents;
    }

    /**
     * @return what changes affect, as this worker reads it
     */
    public AffectedItems affected() {
        return affected;
    }

    /**
     * @return the queue it empties
     */
    public IndexQueue queue() {
        return queue;
    }

    /**
     * Empties the queue soon, without waiting (after a commit).
     */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            work.submit(context -> {
                wakeQueued.set(false);
                return drainIfFree(context);
            });
        }
    }

    /**
     * Queues committed changes that could not be queued in the transaction that made them: the worker queues them in
     * a transaction of its own, at once and then at each look at the queue until that succeeds (a stop before then
     * is caught up by the next start's index check).
     *
     * @param changes the changes (items, bundles, files) as the consumer noted them
     */
    public void queueLater(ChangedItems changes) {
        unqueued.add(changes);
        wake();
    }

    /**
     * Looks at the queue every period from now on (once per worker, the kernel's bean; a web application does it).
     *
     * @param period how often
     */
    public void poll(Duration period) {
        if (polling.compareAndSet(false, true)) {
            work.every(period, this::drainIfFree);
        }
    }

    /**
     * Runs other work on the worker's thread, one at a time with the queue's, whenever it is due (the access sweep).
     *
     * @param period how often to ask whether it is due
     * @param due    whether it is due (asked before anything is read or claimed)
     * @param task   the work
     */
    public void every(Duration period, BooleanSupplier due, AnonymousWork.Task<?> task) {
        work.every(period, context -> due.getAsBoolean() ? claimed(context, task) : null);
    }

    /**
     * Empties the queue now, waiting for it (before a command ends).
     *
     * @return the number of items written
     * @throws Exception if the queue cannot be read
     */
    public int drainNow() throws Exception {
        return work.call(context -> {
            queueUnqueued(context);
            try (IndexClaim claim = queue.claim(PATIENCE)) {
                // when another process held the claim all along, it empties the queue itself
                return claim == null ? 0 : drain(context);
            }
        });
    }

    /**
     * Runs other work on the worker's thread, as an anonymous user, one at a time with the queue's.
     *
     * @param task the work
     * @param <T>  its result type
     * @return its result
     * @throws Exception what the work threw
     */
    public <T> T call(AnonymousWork.Task<T> task) throws Exception {
        return work.call(context -> claimed(context, task));
    }

    /** Does the work holding the claim. */
    private <T> T claimed(Context context, AnonymousWork.Task<T> task) throws Exception {
        try (IndexClaim claim = queue.claim(PATIENCE)) {
            if (claim == null) {
                throw new IllegalStateException("another process has been writing the OAI-PMH index for "
                                                    + PATIENCE.toMinutes() + " minutes; try again later");
            }
            return task.run(context);
        }
    }

    private int drainIfFree(Context context) throws Exception {
        queueUnqueued(context);
        try (IndexClaim claim = queue.tryClaim()) {
            return claim == null ? 0 : drain(context);
        }
    }

    /** Queues the changes handed over by {@link #queueLater}; those that fail wait for the next look. */
    private void queueUnqueued(Context context) {
        for (int left = unqueued.size(); left > 0; left--) {
            ChangedItems changes = unqueued.poll();
            try {
                queue.addNow(affected.of(context, changes));
            } catch (Exception e) {
                log.warn("Changed items could not be queued; tried again at the next look: {}", e.getMessage(), e);
                unqueued.add(changes);
            }
        }
    }

    /**
     * Empties the queue on the worker's thread, by work that holds the claim (the access sweep).
     *
     * @param context the worker's context
     * @return the number of items written
     * @throws Exception if the queue cannot be read
     */
    int drain(Context context) throws Exception {
        int done = 0;
        while (true) {
            Map<UUID, List<Long>> due = queue.due(BATCH);
            if (due.isEmpty()) {
                return done;
            }
            try {
                index(context, due.keySet());
                queue.remove(due);
            } catch (Exception batchFailure) {
                context.uncacheEntities();
                oneByOne(context, due);
            }
            done += due.size();
            context.uncacheEntities();
        }
    }

    private void oneByOne(Context context, Map<UUID, List<Long>> due) throws Exception {
        for (Map.Entry<UUID, List<Long>> item : due.entrySet()) {
            try {
                index(context, Set.of(item.getKey()));
                queue.remove(Map.of(item.getKey(), item.getValue()));
            } catch (Exception e) {
                log.warn("Item {} could not be indexed; it stays queued and is tried again later: {}",
                         item.getKey(), e.getMessage(), e);
                queue.retryLater(item.getKey(), item.getValue(), String.valueOf(e.getMessage()));
            }
        }
    }

    private void index(Context context, Set<UUID> queued) throws Exception {
        Set<UUID> items = affected.withItemsOfDeletedFiles(context, queued, indexer);
        Set<UUID> related = affected.relatedTo(context, items);
        Set<UUID> all = new LinkedHashSet<>(items);
        all.addAll(related);
        indexer.update(context, all);
        documents.verify(context, items);
        documents.reindex(context, related);
    }
}
