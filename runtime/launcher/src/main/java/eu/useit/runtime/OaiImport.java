/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import eu.useit.dspace.support.AnonymousWork;
import org.dspace.xoai.app.BasicConfiguration;
import org.dspace.xoai.app.XOAI;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Runs DSpace's OAI import ({@code [dspace]/bin/dspace oai import}) in this JVM: compiles archived items into
 * the OAI core. Like DSpace's command, it wires the indexer from XOAI's own Spring configuration. The repository
 * keeps its OAI core with the addon's indexer; this is DSpace's own way, for comparison and for tests.
 */
public final class OaiImport {

    private static final AnonymousWork WORK = new AnonymousWork("useit-oai-import");

    private static AnnotationConfigApplicationContext xoai;

    private OaiImport() {
    }

    /**
     * Imports items changed since the last import (or all, when {@code clean}), as DSpace's command does: as an
     * anonymous user (in a context and on a thread of its own), so only what anybody may read is public.
     *
     * @param clean empty the OAI core first and import everything
     * @return the number of items imported
     * @throws Exception if the OAI core cannot be written or the database read
     */
    public static synchronized int run(boolean clean) throws Exception {
        if (xoai == null) {
            xoai = new AnnotationConfigApplicationContext(BasicConfiguration.class);
        }
        return WORK.call(context -> {
            XOAI indexer = new XOAI(context, clean, false);
            xoai.getAutowireCapableBeanFactory().autowireBean(indexer);
            return indexer.index();
        });
    }
}
