/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.tests.support;

import java.sql.SQLException;

import org.dspace.authorize.AuthorizeException;
import org.dspace.builder.AbstractBuilder;
import org.dspace.core.Context;
import org.dspace.eperson.EPerson;
import org.dspace.eperson.Group;
import org.dspace.eperson.factory.EPersonServiceFactory;
import org.dspace.eperson.service.EPersonService;
import org.dspace.eperson.service.GroupService;
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
     * @throws SQLException       on database failure
     * @throws AuthorizeException never: authorisation is off while creating
     */
    protected static EPerson administrator(Context context) throws SQLException, AuthorizeException {
        EPersonService people = EPersonServiceFactory.getInstance().getEPersonService();
        GroupService groups = EPersonServiceFactory.getInstance().getGroupService();
        EPerson found = people.findByEmail(context, ADMIN_EMAIL);
        if (found != null) {
            return found;
        }
        context.turnOffAuthorisationSystem();
        groups.initDefaultGroupNames(context);
        EPerson created = people.create(context);
        created.setEmail(ADMIN_EMAIL);
        created.setCanLogIn(true);
        people.setMetadataSingleValue(context, created, "eperson", "firstname", null, null, "Integration");
        people.setMetadataSingleValue(context, created, "eperson", "lastname", null, null, "Tests");
        people.update(context, created);
        Group administrators = groups.findByName(context, Group.ADMIN);
        groups.addMember(context, administrators, created);
        groups.update(context, administrators);
        context.commit();
        context.restoreAuthSystemState();
        return created;
    }
}
