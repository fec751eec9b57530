/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import org.junit.Rule;
import org.junit.rules.TestRule;

/**
 * Base of the integration tests that run a repository of their own as {@code ./useit run} runs it
 * ({@link RepositoryProcess}) instead of the shared {@link TestRepository}: a test starts it into
 * {@link #repository} (and may restart it there), and the repository held when the test ends is stopped.
 */
public abstract class AbstractRepositoryProcessIT {

    /** The test's repository, once it has started one. */
    protected RepositoryProcess repository;

    /** Stops {@link #repository} when the test ends (the one held then, so a restart is followed). */
    @Rule
    public final TestRule stop = RepositoryProcess.stopAfter(() -> repository);
}
