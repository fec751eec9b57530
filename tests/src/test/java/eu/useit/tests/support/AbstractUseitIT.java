/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import eu.useit.runtime.LocalAdministrator;
import org.dspace.builder.AbstractBuilder;
import org.dspace.core.Context;
import org.dspace.eperson.EPerson;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;

/**
 * Base of every integration test: the shared {@link TestRepository} (booted once per JVM, no SecurityManager),
 * a fresh DSpace {@link Context} per test with an administrator as current user, and DSpace's test builders,
 * whose objects are deleted after each test.
 */
public abstract class AbstractUseitIT {

    /** The administrator every test acts as, unless it switches user. */
    protected static final String ADMIN_EMAIL = "it-admin@useit.example.ac.uk";

    private static boolean buildersReady;

    /** The DSpace context of the running test. */
    protected Context context;

    /** A member of the Administrator group. */
    protected EPerson admin;

    /**
     * Boots the shared repository (first test class only) and prepares DSpace's builders.
     */
    @BeforeClass
    public static void bootRepository() {
        TestRepository.get();
        synchronized (AbstractUseitIT.class) {
            if (!buildersReady) {
                AbstractBuilder.init();
                buildersReady = true;
            }
        }
    }

    /**
     * Opens a context as the administrator.
     *
     * @throws Exception if the administrator cannot be created
     */
    @Before
    public void openContext() throws Exception {
        context = new Context(Context.Mode.READ_WRITE);
        admin = administrator(context);
        context.setCurrentUser(admin);
    }

    /**
     * Deletes what the builders made and closes the context.
     *
     * @throws Exception if clean-up fails
     */
    @After
    public void closeContext() throws Exception {
        AbstractBuilder.cleanupObjects();
        if (context != null && context.isValid()) {
            context.complete();
        }
    }

    /**
     * Finds or creates the test administrator.
     *
     * @param context a DSpace context
     * @return an EPerson in the Administrator group
     * @throws Exception if the account cannot be written
     */
    protected static EPerson administrator(Context context) throws Exception {
        EPerson admin = LocalAdministrator.account(context, ADMIN_EMAIL, null);
        context.commit();
        return admin;
    }
}
