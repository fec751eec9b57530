/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.ItemService;
import org.dspace.content.service.RelationshipService;
import org.junit.BeforeClass;

/**
 * Base of the integration tests that read the USE-IT! sample ({@link Sample#FILE}) in the shared repository: the
 * sample is loaded before the class's tests run, and DSpace's item and relationship services are at hand.
 */
public abstract class AbstractSampleIT extends AbstractUseitIT {

    /** DSpace's item service. */
    protected final ItemService items = ContentServiceFactory.getInstance().getItemService();

    /** DSpace's relationship service. */
    protected final RelationshipService relationships = ContentServiceFactory.getInstance().getRelationshipService();

    /**
     * The structure and the sample, imported as a librarian does ({@link Sample#load()}); DSpace's
     * {@code discovery} event consumer indexes what the import commits.
     *
     * @throws Exception if the import fails
     */
    @BeforeClass
    public static void loadSample() throws Exception {
        Sample.load();
    }
}
