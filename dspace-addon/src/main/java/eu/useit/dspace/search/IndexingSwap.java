/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.util.Map;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
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
 * bean is made. The site's files are not edited, and every other property of the beans stays. A site's own
 * extension of either is left alone, with a warning.
 * <p>
 * Declared in {@code config/spring/api/useit-discovery.xml}.
 */
public class IndexingSwap implements BeanFactoryPostProcessor {

    private static final Logger log = LogManager.getLogger(IndexingSwap.class);

    private static final Map<String, String> SWAPS = Map.of(
        ItemIndexFactoryImpl.class.getName(), SearchableItemIndexFactory.class.getName(),
        SolrServiceFileInfoPlugin.class.getName(), ReadableFileInfoPlugin.class.getName());

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        boolean items = false;
        for (String name : factory.getBeanDefinitionNames()) {
            BeanDefinition bean = factory.getBeanDefinition(name);
            String ours = SWAPS.get(bean.getBeanClassName());
            if (ours != null) {
                bean.setBeanClassName(ours);
                log.info("Bean {}: {} in place of DSpace's class (files only where everyone who finds the item may"
                             + " read them)", name, ours);
            } else {
                warnIfOwn(name, bean, factory.getBeanClassLoader());
            }
            items |= SearchableItemIndexFactory.class.getName().equals(bean.getBeanClassName());
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
        if (type == null || SWAPS.containsValue(type)) {
            return;
        }
        Class<?> found;
        try {
            found = ClassUtils.forName(type, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        for (String dspace : SWAPS.keySet()) {
            if (ClassUtils.isAssignable(ClassUtils.resolveClassName(dspace, loader), found)) {
                log.warn("Bean {} is the site's own {} (extends {}): left as it is; it may index files that those who"
                             + " find an item may not read", name, type, dspace);
            }
        }
    }
}
