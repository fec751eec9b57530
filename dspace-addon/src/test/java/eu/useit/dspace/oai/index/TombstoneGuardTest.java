/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

/**
 * The guard's one check at a time, with a check that waits until the test lets it end: requests that come while a
 * check runs are answered only when it has ended, and cost no check of their own. (The check itself, on a real
 * OAI core: {@code OaiFreshnessAndDeletionsIT}.)
 */
public class TombstoneGuardTest {

    @Test
    public void requestsDuringACheckWaitForItAndShareIt() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch checkStarted = new CountDownLatch(1);
        CountDownLatch endCheck = new CountDownLatch(1);
        TombstoneGuard guard = new TombstoneGuard(() -> {
            checks.incrementAndGet();
            checkStarted.countDown();
            endCheck.await();
            return 0;
        });
        Thread first = new Thread(guard);
        first.start();
        assertThat(checkStarted.await(10, TimeUnit.SECONDS), is(true));

        CountDownLatch answered = new CountDownLatch(5);
        List<Thread> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Thread other = new Thread(() -> {
                guard.run();
                answered.countDown();
            });
            other.start();
            others.add(other);
        }
        // each of them waits for the check under way (or is about to, blocked on the guard)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (others.stream().anyMatch(other -> other.getState() != Thread.State.WAITING)
            && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat("answered while the check still ran", answered.getCount(), is(5L));
        assertThat(others.stream().allMatch(other -> other.getState() == Thread.State.WAITING), is(true));
        endCheck.countDown();
        assertThat(answered.await(10, TimeUnit.SECONDS), is(true));
        first.join(10_000);
        for (Thread other : others) {
            other.join(10_000);
        }
        assertThat("one check for the six requests", checks.get(), is(1));

        guard.run();
        assertThat("a request after the check ended checks again", checks.get(), is(2));
    }

    @Test
    public void aFailedCheckIsLoggedAndTheNextRequestChecksAgain() {
        AtomicInteger checks = new AtomicInteger();
        TombstoneGuard guard = new TombstoneGuard(() -> {
            checks.incrementAndGet();
            throw new IllegalStateException("OAI core unreachable");
        });
        guard.run();
        guard.run();
        assertThat(checks.get(), is(2));
    }
}
