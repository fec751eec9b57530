/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

import com.lyncode.xoai.dataprovider.core.Granularity;
import com.lyncode.xoai.dataprovider.core.ItemMetadata;
import com.lyncode.xoai.dataprovider.exceptions.WritingXmlException;
import com.lyncode.xoai.dataprovider.xml.XmlOutputContext;
import com.lyncode.xoai.dataprovider.xml.xoai.Element;
import com.lyncode.xoai.dataprovider.xml.xoai.Metadata;
import eu.useit.dspace.support.AnonymousWork;
import org.apache.solr.common.SolrInputDocument;
import org.dspace.content.Bundle;
import org.dspace.content.Collection;
import org.dspace.content.Community;
import org.dspace.content.Item;
import org.dspace.content.service.CommunityService;
import org.dspace.core.Context;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.dspace.xoai.app.XOAIExtensionItemCompilePlugin;
import org.dspace.xoai.util.ItemUtils;

/**
 * The OAI core's document of one item, as DSpace's {@code oai import} writes it (same fields, so both can maintain
 * the same core): live records from the item, deleted records from a {@link Tombstone}. The
 * {@code metadata.*} fields that context, format and set filters query are derived from the compiled record, so a
 * tombstone stays in the contexts and sets it was in.
 */
public final class OaiDocuments {

    /** Parts of the compiled record that are not metadata fields. */
    private static final Set<String> NOT_METADATA = Set.of("bundles", "others", "repository", "license");

    private final CommunityService communities;
    private final List<XOAIExtensionItemCompilePlugin> plugins;

    /**
     * @param communities DSpace's community service
     * @param plugins     the configured compile plugins, in the order DSpace's {@code oai import} runs them
     */
    public OaiDocuments(CommunityService communities, List<XOAIExtensionItemCompilePlugin> plugins) {
        this.communities = communities;
        this.plugins = List.copyOf(plugins);
    }

    /**
     * The bean {@code useitOaiDocuments}: the compile plugins as DSpace's {@code oai import} has them, from DSpace's
     * service manager, in its order (which Spring's injection of a list does not keep). A record both write
     * compiles the same, so one written by either is not written again with a new datestamp.
     *
     * @param communities DSpace's community service
     * @return the documents
     */
    public static OaiDocuments withDSpacesPlugins(CommunityService communities) {
        return new OaiDocuments(communities, DSpaceServicesFactory.getInstance().getServiceManager()
                                                                  .getServicesByType(
                                                                      XOAIExtensionItemCompilePlugin.class));
    }

    /**
     * @param context an anonymous DSpace context (the record holds only what anybody may see)
     * @param item    an archived item
     * @return its tombstone as of now (compiled from its current metadata)
     * @throws SQLException on database failure
     */
    public Tombstone tombstoneOf(Context context, Item item) throws SQLException {
        List<String> collectionSets = new ArrayList<>();
        Set<String> communitySets = new LinkedHashSet<>();
        for (Collection collection : item.getCollections()) {
            collectionSets.add("col_" + collection.getHandle().replace('/', '_'));
            for (Community community : communities.getAllParents(context, collection)) {
                communitySets.add("com_" + community.getHandle().replace('/', '_'));
            }
        }
        return new Tombstone(item.getID().toString(), item.getHandle(), new Date().toInstant(), collectionSets,
                             new ArrayList<>(communitySets), compile(context, item));
    }

    /**
     * @param context   an anonymous DSpace context
     * @param item      a public, archived item
     * @param datestamp the record's datestamp
     * @return its live record
     * @throws SQLException on database failure
     */
    public SolrInputDocument live(Context context, Item item, Date datestamp) throws SQLException {
        Tombstone current = tombstoneOf(context, item);
        SolrInputDocument document = document(current, datestamp, false);
        boolean hasFiles = false;
        for (Bundle bundle : item.getBundles()) {
            hasFiles |= "ORIGINAL".equals(bundle.getName()) && !bundle.getBitstreams().isEmpty();
            // kept so a deleted file, which no longer names its item, finds the record that lists it
            bundle.getBitstreams().forEach(file -> document.addField(OaiIndexer.FILES, file.getID().toString()));
        }
        document.setField("item.hasbitstream", hasFiles);
        if (item.getSubmitter() != null) {
            document.setField("item.submitter", item.getSubmitter().getEmail());
        }
        return document;
    }

    /**
     * @param tombstone a tombstone
     * @return its deleted record, dated when the item stopped being public
     */
    public SolrInputDocument deleted(Tombstone tombstone) {
        return document(tombstone, Date.from(tombstone.deletedAt()), true);
    }

    private static SolrInputDocument document(Tombstone record, Date datestamp, boolean deleted) {
        SolrInputDocument document = new SolrInputDocument();
        document.setField("item.id", record.itemId());
        document.setField("item.handle", record.handle());
        document.setField("item.public", true);
        document.setField("item.deleted", deleted);
        document.setField("item.willChangeStatus", false);
        document.setField("item.hasbitstream", false);
        document.setField("item.lastmodified", datestamp);
        record.collections().forEach(c -> document.addField("item.collections", c));
        record.communities().forEach(c -> document.addField("item.communities", c));
        document.setField("item.compile", record.compiled());
        addMetadataFields(document, new ItemMetadata(record.compiled()).getMetadata());
        return document;
    }

    private String compile(Context context, Item item) {
        AnonymousWork.requireAnonymous(context, "Compiling an OAI-PMH record");
        Metadata metadata = ItemUtils.retrieveMetadata(context, item);
        for (XOAIExtensionItemCompilePlugin plugin : plugins) {
            metadata = plugin.additionalMetadata(context, metadata, item);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XmlOutputContext xml = XmlOutputContext.emptyContext(out, Granularity.Second);
            metadata.write(xml);
            xml.getWriter().flush();
            xml.getWriter().close();
            return out.toString(StandardCharsets.UTF_8);
        } catch (XMLStreamException | WritingXmlException e) {
            throw new IllegalStateException("Item " + item.getID() + " cannot be compiled for OAI-PMH", e);
        }
    }

    /**
     * Adds {@code metadata.<schema>.<element>[.<qualifier>]} (and {@code .authority}) fields from a compiled record,
     * whose metadata elements nest schema, element, optional qualifier, then language with the value fields.
     */
    private static void addMetadataFields(SolrInputDocument document, Metadata metadata) {
        for (Element schema : metadata.getElement()) {
            if (NOT_METADATA.contains(schema.getName())) {
                continue;
            }
            for (Element element : schema.getElement()) {
                String key = "metadata." + schema.getName() + "." + element.getName();
                for (Element child : element.getElement()) {
                    if (child.getField().isEmpty()) {
                        for (Element language : child.getElement()) {
                            addValues(document, key + "." + child.getName(), language);
                        }
                    } else {
                        addValues(document, key, child);
                    }
                }
            }
        }
    }

    private static void addValues(SolrInputDocument document, String key, Element language) {
        for (Element.Field field : language.getField()) {
            if ("value".equals(field.getName())) {
                document.addField(key, field.getValue());
            } else if ("authority".equals(field.getName())) {
                document.addField(key + ".authority", field.getValue());
            }
        }
    }
}
