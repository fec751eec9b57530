/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.util.concurrent.Callable;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Run when a harvest starts and before GetRecord: makes the OAI core's deleted records agree with the kept
 * tombstones ({@link OaiIndexer#restoreTombstones()}), so deletions stay persistent even after
 * {@code dspace oai import -c}.
 * <p>
 * One check at a time: a request that comes while a check runs waits for that check to end instead of starting one
 * of its own, so many harvesters starting at once cost one check, not one each; every request is answered after a
 * check that ended after it came.
 */
public final class TombstoneGuard implements Runnable {

    private static final Logger log = LogManager.getLogger(TombstoneGuard.class);

    private final Callable<Integer> check;
    private boolean checking;
    private long checksEnded;

    /**
     * The guard of this DSpace's OAI indexer.
     */
    public TombstoneGuard() {
        this(() -> OaiIndexConsumer.indexer().restoreTombstones());
    }

    /**
     * @param check makes the deleted records agree with the tombstones; returns how many it wrote or removed
     */
    public TombstoneGuard(Callable<Integer> check) {
        this.check = check;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (checking) {
                awaitEndOfCheck();
                return;
            }
            checking = true;
        }
        try {
            int changed = check.call();
            if (changed > 0) {
                log.info("Made {} deleted record(s) of the OAI index agree with the kept tombstones", changed);
            }
        } catch (Exception e) {
            log.error("The deleted records could not be checked in the OAI index: {}", e.getMessage(), e);
        } finally {
            synchronized (this) {
                checking = false;
                checksEnded++;
                notifyAll();
            }
        }
    }

    /** Waits, holding this object's monitor, until the check under way has ended. */
    private void awaitEndOfCheck() {
        long ended = checksEnded + 1;
        try {
            while (checksEnded < ended) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
