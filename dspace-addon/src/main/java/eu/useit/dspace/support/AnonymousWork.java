/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.core.Context;
import org.dspace.kernel.DSpaceKernel;
import org.dspace.kernel.DSpaceKernelManager;

/**
 * Runs work as an anonymous user (no current user, authorisation on) in a DSpace context of its own, on a thread of
 * its own. The thread matters: DSpace binds one Hibernate session to each thread, so a second context on the
 * caller's thread would share the caller's session (and its uncommitted changes), and closing it would close the
 * caller's. Work runs one at a time, in the order it is given.
 */
public final class AnonymousWork {

    private static final Logger log = LogManager.getLogger(AnonymousWork.class);

    /** Work that needs a DSpace context. */
    @FunctionalInterface
    public interface Task<T> {
        /**
         * @param context an anonymous, read-only DSpace context, closed after the task
         * @return the task's result
         * @throws Exception if the task fails
         */
        T run(Context context) throws Exception;
    }

    private final String name;
    private final ScheduledExecutorService executor;
    private volatile Thread worker;

    /**
     * @param name the worker thread's name
     */
    public AnonymousWork(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            worker = thread;
            return thread;
        });
    }

    /**
     * Runs a task on the worker thread and waits for its result.
     *
     * @param task the task
     * @param <T>  its result type
     * @return its result
     * @throws Exception what the task threw
     */
    public <T> T call(Task<T> task) throws Exception {
        if (Thread.currentThread() == worker) {
            throw new IllegalStateException(name + ": a task may not wait for another task of the same worker");
        }
        Future<T> result = submit(task);
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /**
     * Runs a task on the worker thread, without waiting.
     *
     * @param task the task
     * @param <T>  its result type
     * @return its result, to come
     */
    public <T> Future<T> submit(Task<T> task) {
        return executor.submit(() -> inContext(task));
    }

    /**
     * Runs a task on the worker thread again and again, a period apart; a failure (an error such as running out of
     * memory included) is logged and the next run goes ahead.
     *
     * @param period the time between the end of one run and the start of the next
     * @param task   the task
     */
    public void every(Duration period, Task<?> task) {
        executor.scheduleWithFixedDelay(repeatable(name, () -> {
            DSpaceKernel kernel = DSpaceKernelManager.getDefaultKernel();
            // not while DSpace is stopping
            if (kernel != null && kernel.isRunning()) {
                inContext(task);
            }
            return null;
        }), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A run of repeated work that lets nothing escape: whatever escapes a run of {@code scheduleWithFixedDelay}
     * cancels every later run, silently (a sweep that never runs again). A failure, an error such as running out of
     * memory included, is logged instead.
     *
     * @param name what the work is, for the log
     * @param run  one run
     * @return the run, safe to repeat
     */
    static Runnable repeatable(String name, Callable<?> run) {
        return () -> {
            try {
                run.call();
            } catch (Exception | Error e) {
                log.error("{}: {}", name, e.getMessage(), e);
            }
        };
    }

    private static <T> T inContext(Task<T> task) throws Exception {
        Context context = new Context(Context.Mode.READ_ONLY);
        try {
            return task.run(context);
        } finally {
            context.abort();
        }
    }

    /**
     * Checks that a context is an anonymous user's, as record compilation and indexing demand.
     *
     * @param context a DSpace context
     * @param what    what is about to be done, for the message
     * @throws IllegalArgumentException if the context has a user or authorisation turned off
     */
    public static void requireAnonymous(Context context, String what) {
        if (context.getCurrentUser() != null || context.ignoreAuthorization()) {
            throw new IllegalArgumentException(what + " needs an anonymous context (no user, authorisation on), "
                + "so that it shows only what anybody may see");
        }
    }
}
