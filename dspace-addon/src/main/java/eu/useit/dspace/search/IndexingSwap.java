/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.content.BundleServiceImpl;
import org.dspace.discovery.SolrServiceFileInfoPlugin;
import org.dspace.discovery.indexobject.ItemIndexFactoryImpl;
import org.dspace.eperson.GroupServiceImpl;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Makes DSpace index what it indexes about files only for files their finders may read: the bean of DSpace's
 * {@link ItemIndexFactoryImpl} (full text; declared in DSpace's {@code core-services.xml}) gets
 * {@link SearchableItemIndexFactory}, and a bean of {@link SolrServiceFileInfoPlugin} (file names and descriptions;
 * DSpace's {@code discovery.xml}) gets {@link ReadableFileInfoPlugin}, each an extension of DSpace's class, before any
 * bean is made. DSpace's {@link BundleServiceImpl} bean gets {@link BundleServiceWithEvents}, so that a change of a
 * bundle's policies reaches the indexes (DSpace fires no event for it), and its {@link GroupServiceImpl} bean gets
 * {@link GroupServiceWithEvents}, so that what a group's deletion changes does too. The site's files are not edited,
 * and every other property of the beans stays. A site's own extension of any of them is left alone, with a warning.
 * <p>
 * Declared in {@code config/spring/api/useit-discovery.xml}.
 */
public class IndexingSwap implements BeanFactoryPostProcessor {

    private static final Logger log = LogManager.getLogger(IndexingSwap.class);

    private static final String FILES = "files only where everyone who finds the item may read them";
    private static final Map<String, Swap> SWAPS = Map.of(
        ItemIndexFactoryImpl.class.getName(), new Swap(SearchableItemIndexFactory.class.getName(), FILES),
        SolrServiceFileInfoPlugin.class.getName(), new Swap(ReadableFileInfoPlugin.class.getName(), FILES),
        BundleServiceImpl.class.getName(), new Swap(BundleServiceWithEvents.class.getName(),
                                                    "a change of a bundle's policies reaches the indexes"),
        GroupServiceImpl.class.getName(), new Swap(GroupServiceWithEvents.class.getName(),
                                                   "what a group's deletion changes reaches the indexes"));

    /** Our class for one of DSpace's, and why. */
    private record Swap(String ours, String why) {
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        Set<String> classes = new HashSet<>();
        for (String name : factory.getBeanDefinitionNames()) {
            BeanDefinition bean = factory.getBeanDefinition(name);
            Swap swap = SWAPS.get(bean.getBeanClassName());
            if (swap != null) {
                bean.setBeanClassName(swap.ours());
                log.info("Bean {}: {} in place of DSpace's class ({})", name, swap.ours(), swap.why());
            } else {
                warnIfOwn(name, bean, factory.getBeanClassLoader());
            }
            classes.add(bean.getBeanClassName());
        }
        // DSpace's file-info plugin is optional (a site may leave it out of discovery.xml): nothing to replace then
        SWAPS.forEach((dspace, swap) -> {
            if (!classes.contains(swap.ours()) && !dspace.equals(SolrServiceFileInfoPlugin.class.getName())) {
                log.warn("No bean of {} was given ours ({}): the site has none, or its own class", dspace,
                         swap.why());
            }
        });
    }

    /** Warns of a site's own extension of one of DSpace's classes we replace: it is left as it is. */
    private static void warnIfOwn(String name, BeanDefinition bean, ClassLoader loader) {
        String type = bean.getBeanClassName();
        if (type == null || SWAPS.values().stream().anyMatch(swap -> swap.ours().equals(type))) {
            return;
        }
        Class<?> found;
        try {
            found = ClassUtils.forName(type, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        SWAPS.forEach((dspace, swap) -> {
            if (ClassUtils.isAssignable(ClassUtils.resolveClassName(dspace, loader), found)) {
                log.warn("Bean {} is the site's own {} (extends {}): left as it is, without ours ({})", name, type,
                         dspace, swap.why());
            }
        });
    }
}
