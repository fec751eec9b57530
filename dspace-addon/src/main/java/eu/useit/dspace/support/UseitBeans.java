/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import javax.sql.DataSource;

import org.dspace.services.factory.DSpaceServicesFactory;
import org.dspace.utils.DSpace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.UnsatisfiedDependencyException;

/**
 * The addon's Spring beans ({@code config/spring/api/useit-services.xml}) for the code DSpace creates itself and
 * gives no injection (scripts, event consumers, curation tasks, the launcher: {@link #get}), and for the code that
 * receives them as an {@code ObjectProvider} ({@link #installed}): the web application's configurations, and beans of
 * DSpace's own files that find them when first needed. Everything else receives them by constructor.
 */
public final class UseitBeans {

    private UseitBeans() {
    }

    /**
     * @param name the bean's name
     * @param type its type
     * @param <T>  its type
     * @return the bean
     * @throws IllegalStateException             if DSpace has no such bean, or none of a type it needs (the drop-in is
     *                                           missing or older than the addon jar: run useit-install)
     * @throws org.springframework.beans.BeansException if the bean cannot be made for another reason, with the reason
     *                                           (DSpace's own lookup by name logs that at debug level and answers
     *                                           null)
     */
    public static <T> T get(String name, Class<T> type) {
        return get(new DSpace().getServiceManager().getApplicationContext(), name, type);
    }

    /**
     * @param spring the beans
     * @param name   the bean's name
     * @param type   its type
     * @param <T>    its type
     * @return the bean
     */
    static <T> T get(BeanFactory spring, String name, Class<T> type) {
        if (!spring.containsBean(name)) {
            throw new IllegalStateException(missing(name));
        }
        try {
            return spring.getBean(name, type);
        } catch (UnsatisfiedDependencyException e) {
            // an older useit-services.xml defines the bean without one it now needs
            throw new IllegalStateException("DSpace cannot make bean " + name + ": "
                + e.getMostSpecificCause().getMessage() + " ([dspace]/config/spring/api/useit-services.xml may be "
                + "older than the addon jar: run [dspace]/bin/dspace useit-install, then restart DSpace)", e);
        }
    }

    /**
     * A bean of {@code useit-services.xml} given as an {@code ObjectProvider}: to the web application's configurations,
     * which get DSpace's kernel beans by type (the kernel is their parent context), and to beans of DSpace's own
     * files, which find it when first needed (an item indexed or read).
     *
     * @param bean the view of the bean
     * @param name its name in {@code useit-services.xml}
     * @param <T>  its type
     * @return the bean
     * @throws IllegalStateException if DSpace has no such bean: the web application then stops with this reason, and
     *                               an index write or a read fails with it
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
