/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.util.Map;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.content.BundleServiceImpl;
import org.dspace.discovery.SolrServiceFileInfoPlugin;
import org.dspace.discovery.indexobject.ItemIndexFactoryImpl;
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
 * bundle's policies reaches the indexes (DSpace fires no event for it). The site's files are not edited, and every
 * other property of the beans stays. A site's own extension of any of them is left alone, with a warning.
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
                                                    "a change of a bundle's policies reaches the indexes"));

    /** Our class for one of DSpace's, and why. */
    private record Swap(String ours, String why) {
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        boolean items = false;
        boolean bundles = false;
        for (String name : factory.getBeanDefinitionNames()) {
            BeanDefinition bean = factory.getBeanDefinition(name);
            Swap swap = SWAPS.get(bean.getBeanClassName());
            if (swap != null) {
                bean.setBeanClassName(swap.ours());
                log.info("Bean {}: {} in place of DSpace's class ({})", name, swap.ours(), swap.why());
            } else {
                warnIfOwn(name, bean, factory.getBeanClassLoader());
            }
            items |= SearchableItemIndexFactory.class.getName().equals(bean.getBeanClassName());
            bundles |= BundleServiceWithEvents.class.getName().equals(bean.getBeanClassName());
        }
        if (!bundles) {
            log.warn("No bean of {} to replace: a change of a bundle's policies reaches the indexes only at the"
                         + " item's next change or at the access sweep", BundleServiceImpl.class.getName());
        }
        if (!items) {
            log.warn("No bean of {} to replace: item full text is indexed by the site's own class, which may index"
                         + " the text of files that those who find the item may not read",
                     ItemIndexFactoryImpl.class.getName());
        }
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
