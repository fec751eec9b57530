/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import javax.sql.DataSource;

import org.dspace.services.factory.DSpaceServicesFactory;
import org.dspace.utils.DSpace;

/**
 * The addon's Spring beans ({@code config/spring/api/useit-services.xml}) for the code DSpace creates itself and
 * gives no injection: scripts, event consumers, curation tasks, the launcher. Everything else receives them by
 * constructor.
 */
public final class UseitBeans {

    private UseitBeans() {
    }

    /**
     * @param name the bean's name
     * @param type its type
     * @param <T>  its type
     * @return the bean
     * @throws IllegalStateException if DSpace has no such bean (the drop-in is missing: run useit-install)
     */
    public static <T> T get(String name, Class<T> type) {
        T bean = new DSpace().getServiceManager().getServiceByName(name, type);
        if (bean == null) {
            throw new IllegalStateException("DSpace has no bean " + name + ": [dspace]/config/spring/api/"
                                                + "useit-services.xml is missing (run useit-install)");
        }
        return bean;
    }

    /**
     * @return DSpace's data source (the addon's own tables live in DSpace's database)
     */
    public static DataSource dataSource() {
        return DSpaceServicesFactory.getInstance().getServiceManager().getServiceByName("dataSource",
                                                                                        DataSource.class);
    }
}
