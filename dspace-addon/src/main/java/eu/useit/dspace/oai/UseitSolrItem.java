/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.lyncode.xoai.dataprovider.core.ReferenceSet;
import com.lyncode.xoai.dataprovider.xml.xoai.Element;
import org.apache.solr.common.SolrDocument;
import org.dspace.xoai.data.DSpaceSolrItem;

/**
 * A record of DSpace's OAI core that also names its strand sets: DSpace's item knows only its community and
 * collection sets. The strand node ids are the authority keys of {@code useit.strand} in the compiled record. A
 * record names only the community and collection sets that ListSets lists: those that exist and that anonymous users
 * may read.
 */
public final class UseitSolrItem extends DSpaceSolrItem {

    private final StrandSets strands;
    private final Predicate<String> setExists;
    private final boolean compiled;
    private List<ReferenceSet> sets;

    /**
     * @param document the record's OAI Solr document
     * @param strands   the strand sets
     * @param setExists whether a community or collection set is listed
     */
    public UseitSolrItem(SolrDocument document, StrandSets strands, Predicate<String> setExists) {
        super(document);
        this.strands = strands;
        this.setExists = setExists;
        this.compiled = document.getFieldValue("item.compile") != null;
    }

    @Override
    public List<ReferenceSet> getSets() {
        if (sets == null) {
            List<ReferenceSet> all = new ArrayList<>();
            for (String spec : strands.setsOf(strandIds())) {
                all.add(new ReferenceSet(spec));
            }
            for (ReferenceSet set : super.getSets()) {
                if (setExists.test(set.getSetSpec())) {
                    all.add(set);
                }
            }
            sets = all;
        }
        return sets;
    }

    private List<String> strandIds() {
        List<String> ids = new ArrayList<>();
        if (!compiled) {
            return ids;
        }
        for (Element schema : getMetadata().getMetadata().getElement()) {
            if ("useit".equals(schema.getName())) {
                for (Element element : schema.getElement()) {
                    if ("strand".equals(element.getName())) {
                        collectAuthorities(element, ids);
                    }
                }
            }
        }
        return ids;
    }

    private static void collectAuthorities(Element element, List<String> into) {
        for (Element.Field field : element.getField()) {
            if ("authority".equals(field.getName()) && field.getValue() != null) {
                into.add(field.getValue());
            }
        }
        for (Element child : element.getElement()) {
            collectAuthorities(child, into);
        }
    }
}
