/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import static org.junit.Assert.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

/**
 * Repeated work (the access sweep, the look at the index queue) goes on after a run that fails.
 */
public class AnonymousWorkTest {

    @Test
    public void repeatedWorkGoesOnAfterAnExceptionAndAfterAnError() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            executor.scheduleWithFixedDelay(AnonymousWork.repeatable("test", () -> {
                third.countDown();
                switch (runs.incrementAndGet()) {
                    case 1:
                        throw new IllegalStateException("the database is away");
                    case 2:
                        throw new OutOfMemoryError("as a run that runs out of memory would");
                    default:
                        return null;
                }
            }), 0, 10, TimeUnit.MILLISECONDS);
            assertTrue("a third run after an exception and an error", third.await(10, TimeUnit.SECONDS));
        } finally {
            executor.shutdownNow();
        }
    }
}
