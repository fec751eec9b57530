/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * Where the addon's servlet filters of DSpace's REST webapp stand: after Spring Security's filter chain (order
 * -100), so that they know the caller, before DSpace's controllers. Each closes the DSpace context of a request it
 * answers itself ({@link AddonFilter}).
 */
public final class AddonFilters {

    /** The order of the addon's filters. */
    public static final int ORDER = 0;

    private AddonFilters() {
    }

    /**
     * @param filter      one of the addon's filters
     * @param name        its registration's name
     * @param urlPatterns the addresses it filters
     * @param <F>         its type
     * @return its registration, at {@link #ORDER}
     */
    public static <F extends Filter> FilterRegistrationBean<F> register(F filter, String name,
                                                                         String... urlPatterns) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(urlPatterns);
        registration.setOrder(ORDER);
        registration.setName(name);
        return registration;
    }
}
