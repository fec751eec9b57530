/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.nio.file.Path;

import eu.useit.dspace.access.AnonymousAccess;
import eu.useit.dspace.oai.VocabularySets;
import eu.useit.dspace.oai.index.IllustrativeNote;
import eu.useit.dspace.oai.index.TombstoneStore;
import eu.useit.dspace.support.UseitBeans;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.dspace.app.util.service.MetadataExposureService;
import org.dspace.content.service.BitstreamService;
import org.dspace.content.service.ItemService;
import org.dspace.content.service.RelationshipService;
import org.dspace.services.ConfigurationService;
import org.dspace.xoai.services.api.solr.SolrServerResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The reading pages of DSpace's server webapp, below {@code /useit/}: item pages, files, citation downloads, the
 * strand browse page, the sitemap and robots.txt ({@link ItemPages}, {@link FileDownloads}, {@link StrandBrowse},
 * {@link Crawlers}). DSpace's services come from its Spring context; the OAI core, which holds exactly the public
 * items, from XOAI's resolver. Spring Boot finds this class through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(SolrServerResolver.class)
public class PagesAutoConfiguration {

    /**
     * @param configuration DSpace's settings
     * @return the addresses the pages give
     */
    @Bean
    public PageLinks useitPageLinks(ConfigurationService configuration) {
        return PageLinks.of(configuration.getProperty("dspace.ui.url"), configuration.getProperty("dspace.server.url"),
                            configuration.getProperty("oai.identifier.prefix"));
    }

    /**
     * @param items         DSpace's item service
     * @param relationships DSpace's relationship service
     * @param exposure      DSpace's rule for hidden metadata
     * @param anonymous     what anonymous users may see (the bean {@code useitAnonymousAccess})
     * @param tombstones    the OAI tombstones (the bean {@code useitTombstoneStore})
     * @return the item reader of the pages
     */
    @Bean
    public ItemReader useitItemReader(ItemService items, RelationshipService relationships,
                                      MetadataExposureService exposure, ObjectProvider<AnonymousAccess> anonymous,
                                      ObjectProvider<TombstoneStore> tombstones) {
        return new ItemReader(items, relationships, exposure, UseitBeans.installed(anonymous, AnonymousAccess.BEAN),
                              UseitBeans.installed(tombstones, "useitTombstoneStore"));
    }

    /**
     * @param solr XOAI's resolver of the OAI core
     * @return the reader of the public items in the OAI core
     */
    @Bean
    public OaiCoreReader useitOaiCoreReader(SolrServerResolver solr) {
        return new OaiCoreReader(() -> {
            try {
                return solr.getServer();
            } catch (SolrServerException e) {
                throw new IllegalStateException("The OAI core is not reachable: " + e.getMessage(), e);
            }
        });
    }

    /**
     * @param reader the item reader
     * @param links  the addresses
     * @param note   the note of illustrative records (the kernel's bean {@code useitIllustrativeNote})
     * @return the item pages
     */
    @Bean
    public ItemPages useitItemPages(ItemReader reader, PageLinks links, ObjectProvider<IllustrativeNote> note) {
        return new ItemPages(reader, links, UseitBeans.installed(note, IllustrativeNote.BEAN));
    }

    /**
     * @param bitstreams DSpace's bitstream service
     * @param anonymous  what anonymous users may see
     * @param links      the addresses
     * @return the file downloads
     */
    @Bean
    public FileDownloads useitFileDownloads(BitstreamService bitstreams, ObjectProvider<AnonymousAccess> anonymous,
                                            PageLinks links) {
        return new FileDownloads(bitstreams, UseitBeans.installed(anonymous, AnonymousAccess.BEAN), links);
    }

    /**
     * @param configuration DSpace's settings
     * @param core          the public items
     * @param links         the addresses
     * @return the strand browse page
     */
    @Bean
    public StrandBrowse useitStrandBrowse(ConfigurationService configuration, OaiCoreReader core, PageLinks links) {
        return new StrandBrowse(new VocabularySets(Path.of(configuration.getProperty("dspace.dir"))), core, links);
    }

    /**
     * @param core  the public items
     * @param links the addresses
     * @return the sitemap and robots.txt
     */
    @Bean
    public Crawlers useitCrawlers(OaiCoreReader core, PageLinks links) {
        return new Crawlers(core, links);
    }

    /** The OAI core's client, found when it is needed. */
    @FunctionalInterface
    public interface SolrSource {
        /**
         * @return the OAI core's client
         */
        SolrClient get();
    }
}
