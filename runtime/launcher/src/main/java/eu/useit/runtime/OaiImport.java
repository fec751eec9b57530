/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.runtime;

import org.dspace.core.Context;
import org.dspace.xoai.app.BasicConfiguration;
import org.dspace.xoai.app.XOAI;
import org.dspace.xoai.solr.exceptions.DSpaceSolrIndexerException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Runs DSpace's OAI import ({@code [dspace]/bin/dspace oai import}) in this JVM: compiles archived items into
 * the OAI core. Like DSpace's command, it wires the indexer from XOAI's own Spring configuration.
 */
public final class OaiImport {

    private static AnnotationConfigApplicationContext xoai;

    private OaiImport() {
    }

    /**
     * Imports items changed since the last import (or all, when {@code clean}).
     *
     * @param context a DSpace context (read access to all items is needed: use an administrator or turn
     *                authorisation off)
     * @param clean   empty the OAI core first and import everything
     * @return the number of items imported
     * @throws DSpaceSolrIndexerException if the OAI core cannot be written
     */
    public static synchronized int run(Context context, boolean clean) throws DSpaceSolrIndexerException {
        if (xoai == null) {
            xoai = new AnnotationConfigApplicationContext(BasicConfiguration.class);
        }
        XOAI indexer = new XOAI(context, clean, false);
        xoai.getAutowireCapableBeanFactory().autowireBean(indexer);
        return indexer.index();
    }
}
