/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Gives beans of some of DSpace's classes the addon's class instead, before any bean is made: the site's Spring
 * files are not edited, and every other property of the beans stays (the addon's classes take what DSpace's take).
 * A site's own extension of one of those classes is left alone, with a warning; so is a class of DSpace that is not
 * on the class path (the REST webapp's, on the command line).
 */
public abstract class BeanSwap implements BeanFactoryPostProcessor {

    private static final Logger log = LogManager.getLogger(BeanSwap.class);

    /**
     * Our class for one of DSpace's, and why.
     *
     * @param ours     the addon's class (its name)
     * @param why      what it changes, for the log
     * @param optional whether a site may well have no bean of DSpace's class (no warning then)
     */
    public record Swap(String ours, String why, boolean optional) {
    }

    /**
     * @return the swaps, by the name of DSpace's class
     */
    protected abstract Map<String, Swap> swaps();

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        Map<String, Swap> swaps = swaps();
        Set<String> classes = new HashSet<>();
        for (String name : factory.getBeanDefinitionNames()) {
            BeanDefinition bean = factory.getBeanDefinition(name);
            // a bean made by a factory bean, or a child naming only its parent, has no class name
            Swap swap = bean.getBeanClassName() == null ? null : swaps.get(bean.getBeanClassName());
            if (swap != null) {
                bean.setBeanClassName(swap.ours());
                log.info("Bean {}: {} in place of DSpace's class ({})", name, swap.ours(), swap.why());
            } else {
                warnIfOwn(swaps, name, bean, factory.getBeanClassLoader());
            }
            classes.add(bean.getBeanClassName());
        }
        swaps.forEach((dspace, swap) -> {
            if (!classes.contains(swap.ours()) && !swap.optional()) {
                log.warn("No bean of {} was given ours ({}): the site has none, or its own class", dspace,
                         swap.why());
            }
        });
    }

    /** Warns of a site's own extension of one of DSpace's classes we replace: it is left as it is. */
    private static void warnIfOwn(Map<String, Swap> swaps, String name, BeanDefinition bean, ClassLoader loader) {
        String type = bean.getBeanClassName();
        if (type == null || swaps.values().stream().anyMatch(swap -> swap.ours().equals(type))) {
            return;
        }
        Class<?> found;
        try {
            found = ClassUtils.forName(type, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        swaps.forEach((dspace, swap) -> {
            if (ClassUtils.isPresent(dspace, loader)
                && ClassUtils.isAssignable(ClassUtils.resolveClassName(dspace, loader), found)) {
                log.warn("Bean {} is the site's own {} (extends {}): left as it is, without ours ({})", name, type,
                         dspace, swap.why());
            }
        });
    }
}
