/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import javax.sql.DataSource;

import org.dspace.services.factory.DSpaceServicesFactory;
import org.dspace.utils.DSpace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;

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
     * @throws IllegalStateException             if DSpace has no such bean (the drop-in is missing or older than the
     *                                           addon jar: run useit-install)
     * @throws org.springframework.beans.BeansException if the bean cannot be made, with the reason (DSpace's own
     *                                           lookup by name logs that at debug level and answers null)
     */
    public static <T> T get(String name, Class<T> type) {
        ApplicationContext spring = new DSpace().getServiceManager().getApplicationContext();
        if (!spring.containsBean(name)) {
            throw new IllegalStateException(missing(name));
        }
        return spring.getBean(name, type);
    }

    /**
     * A bean of {@code useit-services.xml} for the web application's configurations, which get DSpace's kernel beans
     * by type (the kernel is their parent context).
     *
     * @param bean the web application's view of the bean
     * @param name its name in {@code useit-services.xml}
     * @param <T>  its type
     * @return the bean
     * @throws IllegalStateException if DSpace has no such bean: the web application then stops with this reason
     */
    public static <T> T installed(ObjectProvider<T> bean, String name) {
        return bean.getIfAvailable(() -> {
            throw new IllegalStateException(missing(name));
        });
    }

    /**
     * @param name a bean of {@code useit-services.xml}
     * @return why DSpace has no such bean, and what to do
     */
    public static String missing(String name) {
        return "DSpace has no bean " + name + ": [dspace]/config/spring/api/useit-services.xml is missing or older "
            + "than the addon jar (run [dspace]/bin/dspace useit-install, then restart DSpace)";
    }

    /**
     * @return DSpace's data source (the addon's own tables live in DSpace's database)
     */
    public static DataSource dataSource() {
        return DSpaceServicesFactory.getInstance().getServiceManager().getServiceByName("dataSource",
                                                                                        DataSource.class);
    }
}
