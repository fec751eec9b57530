/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.sql.Date;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.useit.dspace.support.HibernateSession;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.authorize.ResourcePolicy;
import org.dspace.authorize.service.ResourcePolicyService;
import org.dspace.core.Constants;
import org.dspace.core.Context;

/**
 * Access that changes with time: an embargo that lifts, a lease that ends. DSpace keeps such dates on the READ
 * policies of items and files, and nothing happens to the item when the moment comes, so nothing tells the
 * indexes. The sweep finds the READ policies whose start or end came between two moments (as DSpace itself reads
 * them: a policy date is a day, which begins at midnight in the server's time zone) and puts their items in the
 * {@link IndexQueue}, which writes their OAI-PMH records and search documents (and those of the items related to
 * them) again, as an anonymous user, item by item, keeping each that fails until it is written. It does the same
 * for the public items whose bundles were opened or closed to anonymous users ({@link ClosedBundles}) by a change
 * no event told of. A web application sweeps every {@code useit.access.sweep.interval.seconds} (default
 * ten minutes) and within half a minute of each midnight; sites that prefer cron run
 * {@code dspace useit-access-sweep}.
 */
public final class AccessSweep {

    private static final Logger log = LogManager.getLogger(AccessSweep.class);

    /** How often the sweep asks whether it is due (asking reads nothing). */
    private static final Duration TICK = Duration.ofSeconds(30);

    private final IndexWorker worker;
    private final ResourcePolicyService policies;
    private final ClosedBundles closedBundles = new ClosedBundles();
    /** The end of the last sweep that succeeded: the next looks for changes from there. */
    private volatile Instant last;
    /** When the last sweep began, whether it succeeded or not: the next is due a period (or a midnight) later. */
    private volatile Instant tried;

    /**
     * @param worker   the index worker (the sweep runs on its thread, one at a time with the queue)
     * @param policies DSpace's resource policies
     */
    public AccessSweep(IndexWorker worker, ResourcePolicyService policies) {
        this.worker = worker;
        this.policies = policies;
    }

    /**
     * Sweeps once, now, waiting for it (the command).
     *
     * @param since the moment from which changes of access are looked for
     * @param until the moment up to which
     * @return the number of items whose access changed
     * @throws Exception on database or Solr failure
     */
    public int sweep(Instant since, Instant until) throws Exception {
        return worker.call(context -> sweep(context, since, until));
    }

    /**
     * Sweeps from now on, on the worker's thread: at the first tick, then a period after each sweep and within a
     * tick of each midnight (a sweep that fails is tried again then too); the first sweep looks back {@code catchUp}
     * (changes of access while the application was down), each later one from the end of the last that succeeded.
     *
     * @param period  how often
     * @param catchUp how far the first sweep looks back
     */
    public void every(Duration period, Duration catchUp) {
        last = Instant.now().minus(catchUp);
        tried = last;
        worker.every(period.compareTo(TICK) < 0 ? period : TICK, () -> due(tried, Instant.now(), period), context -> {
            Instant now = Instant.now();
            tried = now;
            sweep(context, last, now);
            last = now;
            return null;
        });
    }

    /**
     * Whether a sweep is due: a period has passed since the last began, or a day has begun since (embargoes lift and
     * leases end at midnight, which is then followed within a tick, whatever the period).
     */
    static boolean due(Instant last, Instant now, Duration period) {
        ZoneId zone = ZoneId.systemDefault();
        return !now.isBefore(last.plus(period))
            || !last.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
    }

    private int sweep(Context context, Instant since, Instant until) throws Exception {
        // bundles opened or closed by a change no event told of (SQL; a site without BundleServiceWithEvents)
        ClosedBundles.Look bundles = closedBundles.look();
        Set<UUID> objects = new LinkedHashSet<>(bundles.changed());
        for (Integer id : candidates(since, until)) {
            ResourcePolicy policy = policies.find(context, id);
            if (policy != null && policy.getdSpaceObject() != null
                && (between(policy.getStartDate(), since, until) || between(policy.getEndDate(), since, until))) {
                objects.add(policy.getdSpaceObject().getID());
            }
        }
        Set<UUID> items = worker.affected().itemsOf(context, objects);
        if (!items.isEmpty()) {
            // queued (committed at once), then written by the queue: each item, and the items related to it, on its
            // own, so one that cannot be written waits and is tried again without holding back the others, and a
            // write the search index lost is seen (SearchDocuments.verify) and made again
            worker.queue().addNow(items);
            log.info("Access sweep {} to {}: {} item(s) whose access changed, queued", since, until, items.size());
        }
        // only now: a sweep that fails sees the same bundles as changed again
        closedBundles.take(bundles);
        worker.drain(context);
        return items.size();
    }

    /** Whether a policy date, as DSpace reads it, falls after {@code since} and no later than {@code until}. */
    private static boolean between(java.util.Date date, Instant since, Instant until) {
        if (date == null) {
            return false;
        }
        Instant moment = Instant.ofEpochMilli(date.getTime());
        return moment.isAfter(since) && !moment.isAfter(until);
    }

    /** READ policies that start or end within a day of the period (the exact moment is checked on each). */
    private static List<Integer> candidates(Instant since, Instant until) throws SQLException {
        LocalDate from = since.atZone(ZoneId.systemDefault()).toLocalDate().minusDays(1);
        LocalDate to = until.atZone(ZoneId.systemDefault()).toLocalDate().plusDays(1);
        List<?> rows = HibernateSession.current().createNativeQuery(
                "SELECT policy_id FROM resourcepolicy WHERE action_id = :read AND dspace_object IS NOT NULL"
                    + " AND ((start_date >= :from AND start_date <= :to) OR (end_date >= :from AND end_date <= :to))",
                Object.class)
            .setParameter("read", Constants.READ)
            .setParameter("from", Date.valueOf(from))
            .setParameter("to", Date.valueOf(to))
            .getResultList();
        List<Integer> ids = new ArrayList<>();
        for (Object row : rows) {
            ids.add(((Number) row).intValue());
        }
        return ids;
    }
}
