/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.lang3.StringUtils;
import org.apache.solr.common.SolrInputDocument;
import org.dspace.discovery.SearchUtils;
import org.dspace.services.ConfigurationService;

/**
 * Writes a value of a text facet into a Discovery document in the form DSpace 8.1's {@code SolrServiceImpl} reads
 * back, for facets whose values do not come from the item's own metadata. For a filter {@code name}:
 *
 * <ul>
 *   <li>{@code name}: the value as text, for {@code f.name=...,contains} and (through Solr's catch-all copy) the
 *       free-text query;</li>
 *   <li>{@code name_keyword}: the exact value, for {@code f.name=...,equals};</li>
 *   <li>{@code name_filter}: {@code lower<separator>Value[###authority]}, the facet counts (DSpace splits the
 *       string itself into label and authority key);</li>
 *   <li>{@code name_prefix}: the same from every word on, for the facet's prefix search;</li>
 *   <li>{@code name_ac}: {@code lower<separator>Value}, for autocomplete;</li>
 *   <li>with an authority key also {@code name_authority} ({@code f.name=...,authority}), the key on
 *       {@code name_keyword}, and {@code name_acid}.</li>
 * </ul>
 *
 * <p>The separator is DSpace's {@code discovery.solr.facets.split.char} (default {@code \n|||\n}).</p>
 */
final class FacetValues {

    private static final Pattern WORD = Pattern.compile("\\b\\w+\\b", Pattern.UNICODE_CHARACTER_CLASS);

    private final String separator;

    /**
     * @param separator what separates the lower-case sort part from the shown value in facet strings
     */
    FacetValues(String separator) {
        this.separator = separator;
    }

    /**
     * @param configuration DSpace's configuration
     * @return a writer with the separator DSpace's search service splits facet strings by
     */
    static FacetValues of(ConfigurationService configuration) {
        String configured = configuration.getProperty("discovery.solr.facets.split.char");
        return new FacetValues(configured == null ? SearchUtils.FILTER_SEPARATOR : configured);
    }

    /**
     * Adds one value of a text facet.
     *
     * @param doc       the document being built
     * @param name      the filter's {@code indexFieldName}
     * @param value     the value people see and filter on
     * @param authority its authority key, or null
     */
    void add(SolrInputDocument doc, String name, String value, String authority) {
        String shown = StringUtils.normalizeSpace(value);
        if (shown.isEmpty()) {
            return;
        }
        String lower = shown.toLowerCase(Locale.ROOT);
        String keyed = authority == null ? shown : shown + SearchUtils.AUTHORITY_SEPARATOR + authority;
        doc.addField(name, shown);
        doc.addField(name + "_keyword", shown);
        doc.addField(name + "_ac", lower + separator + shown);
        doc.addField(name + "_filter", lower + separator + keyed);
        Matcher word = WORD.matcher(shown);
        while (word.find()) {
            doc.addField(name + "_prefix", shown.substring(word.start()).toLowerCase(Locale.ROOT) + separator + keyed);
        }
        if (authority != null) {
            doc.addField(name + "_keyword", keyed);
            doc.addField(name + "_authority", authority);
            doc.addField(name + "_acid", lower + separator + keyed);
        }
    }
}
