/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.scholars;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.useit.dspace.access.AnonymousAccess;
import eu.useit.dspace.ingest.ImportRecord;
import eu.useit.dspace.ingest.JsonRecords;
import eu.useit.dspace.ingest.KeyIndex;
import eu.useit.dspace.structure.CollectionSpec;
import eu.useit.dspace.structure.UseitStructure;
import eu.useit.dspace.support.UseitBeans;
import eu.useit.dspace.taxonomy.Strand;
import eu.useit.dspace.taxonomy.StrandVocabulary;
import eu.useit.tests.support.AbstractSampleIT;
import eu.useit.tests.support.Sample;
import eu.useit.tests.support.TestRepository;
import org.dspace.builder.ItemBuilder;
import org.dspace.builder.RelationshipBuilder;
import org.dspace.content.Collection;
import org.dspace.content.EntityType;
import org.dspace.content.Item;
import org.dspace.content.MetadataValue;
import org.dspace.content.Relationship;
import org.dspace.content.RelationshipType;
import org.dspace.content.authority.Choices;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.EntityTypeService;
import org.dspace.content.service.ItemService;
import org.dspace.content.service.RelationshipService;
import org.dspace.content.service.RelationshipTypeService;
import org.dspace.core.Context;
import org.dspace.discovery.IndexingService;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.junit.Before;
import org.junit.Test;

/**
 * Scholar search over REST: DSpace's Discovery endpoints with the addon's {@code useit} configuration
 * ({@code config/spring/api/useit-discovery.xml}) return, for the USE-IT! sample, the hits and facet counts that
 * the repository's content gives when counted through DSpace's Java API, and every sample record where the sample
 * file puts it. Searches are anonymous, as a scholar's are.
 */
public class ScholarSearchIT extends AbstractSampleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> SEARCHED = Set.of("CaseStudy", "Publication");

    /**
     * Removes documents of objects no longer in the database. DSpace's test builders delete what they made with the
     * {@code noindex} dispatcher, so other tests (and this one's deposits) leave documents behind that a site's
     * index never has; counts are compared with the database, so they must go.
     *
     * @throws Exception if Solr cannot be reached
     */
    @Before
    public void dropLeftoversOfDeletedObjects() throws Exception {
        IndexingService indexing = DSpaceServicesFactory.getInstance().getServiceManager()
                                                        .getServiceByName(IndexingService.class.getName(),
                                                                          IndexingService.class);
        indexing.cleanIndex();
        indexing.commit();
    }

    @Test
    public void theConfigurationOffersItsFacetsAndSorts() throws Exception {
        JsonNode config = get("/api/discover/search?configuration=useit");
        List<String> filters = new ArrayList<>();
        config.path("filters").forEach(f -> filters.add(f.path("filter").asText() + ":" + f.path("type").asText()));
        assertThat(filters, contains("strand:hierarchical", "subtheme:text", "place:text", "partner:text",
                                     "year:date", "type:text", "outputType:text"));
        List<String> sorts = new ArrayList<>();
        config.path("sortOptions").forEach(s -> sorts.add(s.path("name").asText()));
        assertThat(sorts, contains("score", "dc.title", "dc.date.issued"));
    }

    @Test
    public void strandFacetAndStrandFiltersMatchTheRepositoryAndTheSample() throws Exception {
        Content content = Content.read(context, items, relationships);
        Map<String, Set<String>> sample = sampleStrands();
        System.out.println("strand facet expected (DSpace API): " + counts(content.strands)
                               + "; from the sample file: " + counts(sample));

        assertThat(facet("strand", ""), is(counts(content.strands)));
        for (Map.Entry<String, Set<UUID>> strand : content.strands.entrySet()) {
            Set<UUID> hits = hits("f.strand=" + strand.getKey() + ",equals");
            assertThat(strand.getKey(), hits, is(strand.getValue()));
            Set<String> keys = hits.stream().map(content.keys::get).collect(Collectors.toSet());
            assertThat(strand.getKey(), sample.getOrDefault(strand.getKey(), Set.of()), everyItem(is(in(keys))));
        }
        assertThat(sample.keySet(), everyItem(is(in(content.strands.keySet()))));
        // the facet counts the repository's items (above); of them, the sample's count as the sample file says
        Set<String> sampleKeys = sampleKeys();
        Map<String, Set<UUID>> sampleItems = new TreeMap<>();
        content.strands.forEach((strand, ids) -> ids.stream().filter(id -> sampleKeys.contains(content.keys.get(id)))
                                                    .forEach(id -> Content.add(sampleItems, strand, id)));
        assertThat(counts(sampleItems), is(counts(sample)));
    }

    @Test
    public void subThemeFacetCountsSecondLevelValues() throws Exception {
        Content content = Content.read(context, items, relationships);
        Map<String, Long> facet = facet("subtheme", "");
        assertThat(facet, is(counts(content.subthemes)));
        // every sub-theme the sample file uses is a facet value, named by the vocabulary's labels
        StrandVocabulary vocabulary = StrandVocabulary.load(Path.of(System.getProperty("dspace.dir")));
        Set<String> sampleSubthemes = new TreeSet<>();
        for (ImportRecord record : JsonRecords.read(Files.readAllBytes(Sample.FILE))) {
            if (SEARCHED.contains(record.type())) {
                record.metadata().getOrDefault("useit.strand", List.of()).stream()
                      .map(id -> vocabulary.find(id).orElseThrow())
                      .filter(strand -> vocabulary.lineage(strand.id()).size() == 2)
                      .forEach(strand -> sampleSubthemes.add(vocabulary.hierarchicalLabel(strand)));
            }
        }
        assertThat(sampleSubthemes.isEmpty(), is(false));
        assertThat(sampleSubthemes, everyItem(is(in(facet.keySet()))));
        for (Map.Entry<String, Set<UUID>> subtheme : content.subthemes.entrySet()) {
            assertThat(subtheme.getKey(), hits("f.subtheme=" + subtheme.getKey() + ",equals"),
                       is(subtheme.getValue()));
            // a sub-theme is found by its strand filter too (the hierarchical facet indexes every level)
            assertThat(subtheme.getKey(), hits("f.strand=" + subtheme.getKey() + ",equals"), is(subtheme.getValue()));
        }
        // within a strand, the sub-theme facet shows that strand's sub-themes only
        Map<String, Long> withinSkills = facet("subtheme", "&f.strand=" + encode("Skills Matching") + ",equals");
        assertThat(withinSkills.keySet(), everyItem(startsWith("Skills Matching::")));
    }

    @Test
    public void placePartnerTypeAndYearFacetsMatchTheRepository() throws Exception {
        Content content = Content.read(context, items, relationships);
        System.out.println("place " + counts(content.places) + "; partner " + counts(content.partners)
                               + "; type " + counts(content.types) + "; output type " + counts(content.kinds));
        assertThat(facet("place", ""), is(counts(content.places)));
        assertThat(facet("type", ""), is(counts(content.types)));
        assertThat(facet("outputType", ""), is(counts(content.kinds)));
        assertThat(facet("type", "").keySet(), everyItem(is(in(SEARCHED))));

        // partner: names of the related OrgUnit items, filtered by their UUID (the facet's authority key)
        JsonNode partners = get("/api/discover/facets/partner?configuration=useit&size=100");
        Map<String, Long> partnerCounts = new TreeMap<>();
        for (JsonNode value : partners.path("_embedded").path("values")) {
            partnerCounts.put(value.path("label").asText(), value.path("count").asLong());
            String authority = value.path("authorityKey").asText();
            assertThat(value.path("label").asText(), content.partnerNames.get(UUID.fromString(authority)),
                       is(value.path("label").asText()));
            assertThat(hits("f.partner=" + authority + ",authority"),
                       is(content.partners.get(value.path("label").asText())));
        }
        assertThat(partnerCounts, is(counts(content.partners)));
        assertThat(partnerCounts.get("Sandwell and West Birmingham Hospitals NHS Trust"), is(2L));

        // year: DSpace's date facet groups years into ranges; every dated record is in exactly one of them
        long dated = 0;
        for (JsonNode value : get("/api/discover/facets/year?configuration=useit").path("_embedded").path("values")) {
            dated += value.path("count").asLong();
            String range = value.path("label").asText().replace(" - ", " TO ");
            assertThat(hits("f.year=[" + range + "],equals").size(),
                       is((int) value.path("count").asLong()));
        }
        assertThat(dated, is((long) content.dated.size()));
        assertThat(content.dated.size() > 0, is(true));
    }

    @Test
    public void onlyCaseStudiesAndOutputsAreSearchedAndTextSearchWorks() throws Exception {
        Content content = Content.read(context, items, relationships);
        assertThat(hits(""), is(content.searched));
        // a word of one sample title
        KeyIndex index = KeyIndex.load(context);
        UUID reservoir = index.find("cs-edgbaston-reservoir-consortium").orElseThrow().id();
        assertThat(hits("query=Edgbaston reservoir consortium"), hasItem(reservoir));
        // a partner organisation's name finds the case studies related to it, though their own text names it
        // otherwise ("Sandwell Council"): the name comes from the partner facet's field
        UUID specific = index.find("cs-start-with-something-specific").orElseThrow().id();
        Set<UUID> partnerHits = hits("query=\"Sandwell Metropolitan Borough Council\"");
        assertThat(partnerHits, hasItem(specific));
        assertThat(partnerHits, is(content.partners.get("Sandwell Metropolitan Borough Council")));
    }

    @Test
    public void sortsByTitleAndByDate() throws Exception {
        List<JsonNode> byTitle = objects("sort=dc.title,ASC");
        List<String> titles = byTitle.stream().map(o -> first(o, "dc.title")).collect(Collectors.toList());
        List<String> sorted = new ArrayList<>(titles);
        sorted.sort((a, b) -> sortKey(a).compareTo(sortKey(b)));
        assertThat(titles, is(sorted));

        List<String> dates = objects("sort=dc.date.issued,DESC").stream().map(o -> first(o, "dc.date.issued"))
                                                                      .filter(d -> d != null)
                                                                      .collect(Collectors.toList());
        List<String> newestFirst = new ArrayList<>(dates);
        newestFirst.sort((a, b) -> b.substring(0, 4).compareTo(a.substring(0, 4)));
        assertThat(dates.stream().map(d -> d.substring(0, 4)).collect(Collectors.toList()),
                   is(newestFirst.stream().map(d -> d.substring(0, 4)).collect(Collectors.toList())));
        assertThat(dates.size() > 1, is(true));
    }

    @Test
    public void aNewDepositIsSearchableWithItsStrandAndPartnerOnCommit() throws Exception {
        KeyIndex index = KeyIndex.load(context);
        Item kpmg = items.find(context, index.find("org-kpmg").orElseThrow().id());
        Collection caseStudies = UseitStructure.bean().findCollection(context, CollectionSpec.CASE_STUDIES)
                                                     .orElseThrow();
        Map<String, Long> before = facet("subtheme", "");
        context.turnOffAuthorisationSystem();
        Item deposit = ItemBuilder.createItem(context, caseStudies)
                                  .withTitle("Search check: social finance for a neighbourhood enterprise")
                                  .withMetadata("dspace", "entity", "type", "CaseStudy")
                                  .build();
        items.addMetadata(context, deposit, "useit", "strand", null, null, "Social Enterprise::Social finance",
                          "social-enterprise:social-finance", Choices.CF_ACCEPTED);
        items.update(context, deposit);
        RelationshipBuilder.createRelationshipBuilder(context, deposit, kpmg, partnerType()).build();
        // a private deposit of the same strand: never counted
        ItemBuilder.createItem(context, caseStudies).withTitle("Search check: a private record")
                   .withMetadata("dspace", "entity", "type", "CaseStudy")
                   .withMetadata("useit", "strand", null, "Social Enterprise::Social finance")
                   .makeUnDiscoverable().build();
        context.restoreAuthSystemState();
        context.commit();

        Map<String, Long> after = facet("subtheme", "");
        assertThat(after.get("Social Enterprise::Social finance"),
                   is(before.getOrDefault("Social Enterprise::Social finance", 0L) + 1));
        assertThat(hits("f.subtheme=Social Enterprise::Social finance,equals"),
                   is(Set.of(deposit.getID())));
        assertThat(hits("f.partner=" + kpmg.getID() + ",authority"), is(Set.of(deposit.getID())));
        Content content = Content.read(context, items, relationships);
        assertThat(facet("strand", ""), is(counts(content.strands)));
    }

    @Test
    public void unknownFiltersAreRefusedAndThePageIsServedToAnybody() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
            TestRepository.serverUrl() + "/api/discover/search/objects?configuration=useit&f.nothing=x,equals"))
                                                          .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode(), is(400));
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(TestRepository.serverUrl()
                                                                                     + "/useit/")).build(),
                                              HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode(), is(200));
        assertThat(page.body(), containsString("search.js"));
        assertThat(page.headers().firstValue("Content-Type").orElse(""), containsString("text/html"));
        assertThat(page.body(), not(containsString("http://")));
    }

    // --- the repository's content, counted through DSpace's Java API -------------------------------------------

    /** What the useit configuration should find and count, read from the database, not from Solr. */
    private static final class Content {
        private final Set<UUID> searched = new LinkedHashSet<>();
        private final Map<UUID, String> keys = new TreeMap<>();
        private final Map<String, Set<UUID>> strands = new TreeMap<>();
        private final Map<String, Set<UUID>> subthemes = new TreeMap<>();
        private final Map<String, Set<UUID>> places = new TreeMap<>();
        private final Map<String, Set<UUID>> partners = new TreeMap<>();
        private final Map<UUID, String> partnerNames = new TreeMap<>();
        private final Map<String, Set<UUID>> types = new TreeMap<>();
        private final Map<String, Set<UUID>> kinds = new TreeMap<>();
        private final Set<UUID> dated = new LinkedHashSet<>();

        static Content read(Context context, ItemService items, RelationshipService relationships)
            throws Exception {
            Content content = new Content();
            AnonymousAccess anonymous = UseitBeans.get(AnonymousAccess.BEAN, AnonymousAccess.class);
            for (Iterator<Item> it = items.findAll(context); it.hasNext(); ) {
                Item item = it.next();
                String type = items.getMetadataFirstValue(item, "dspace", "entity", "type", Item.ANY);
                // what anybody may find, decided from the item's policies (not as the test's administrator)
                if (!SEARCHED.contains(type) || !anonymous.isPublic(context, item)) {
                    continue;
                }
                UUID id = item.getID();
                content.searched.add(id);
                content.keys.put(id, items.getMetadataFirstValue(item, "useit", "key", null, Item.ANY));
                add(content.types, type, id);
                for (String strand : values(items, item, "useit", "strand", null)) {
                    String[] levels = strand.split("::");
                    add(content.strands, levels[0], id);
                    if (levels.length > 1) {
                        add(content.subthemes, levels[0] + "::" + levels[1], id);
                    }
                }
                values(items, item, "dc", "coverage", "spatial").forEach(p -> add(content.places, p, id));
                values(items, item, "useit", "place", null).forEach(p -> add(content.places, p, id));
                values(items, item, "dc", "type", null).forEach(k -> add(content.kinds, k, id));
                if (items.getMetadataFirstValue(item, "dc", "date", "issued", Item.ANY) != null) {
                    content.dated.add(id);
                }
                for (Relationship link : relationships.findByItem(context, item)) {
                    if (link.getLeftItem().equals(item)
                        && "isPartnerOfCaseStudy".equals(link.getRelationshipType().getLeftwardType())) {
                        Item partner = link.getRightItem();
                        if (partner.isArchived() && !partner.isWithdrawn() && partner.isDiscoverable()) {
                            add(content.partners, partner.getName(), id);
                            content.partnerNames.put(partner.getID(), partner.getName());
                        }
                    }
                }
            }
            return content;
        }

        private static List<String> values(ItemService items, Item item, String schema, String element,
                                           String qualifier) {
            return items.getMetadata(item, schema, element, qualifier, Item.ANY).stream()
                        .map(MetadataValue::getValue).collect(Collectors.toList());
        }

        private static void add(Map<String, Set<UUID>> map, String value, UUID id) {
            map.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(id);
        }
    }

    /** Sample keys of case studies and outputs per top-level strand label, from the sample file and vocabulary. */
    private static Map<String, Set<String>> sampleStrands() throws Exception {
        List<ImportRecord> records = JsonRecords.read(Files.readAllBytes(Sample.FILE));
        StrandVocabulary vocabulary = StrandVocabulary.load(Path.of(System.getProperty("dspace.dir")));
        Map<String, Set<String>> strands = new TreeMap<>();
        for (ImportRecord record : records) {
            if (!SEARCHED.contains(record.type())) {
                continue;
            }
            for (String id : record.metadata().getOrDefault("useit.strand", List.of())) {
                List<Strand> lineage = vocabulary.lineage(id);
                Strand top = lineage.get(lineage.size() - 1);
                strands.computeIfAbsent(top.label(), s -> new LinkedHashSet<>()).add(record.key());
            }
        }
        return strands;
    }

    /** Keys of the sample's case studies and outputs. */
    private static Set<String> sampleKeys() throws Exception {
        return JsonRecords.read(Files.readAllBytes(Sample.FILE)).stream().filter(r -> SEARCHED.contains(r.type()))
                          .map(ImportRecord::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static <T> Map<String, Long> counts(Map<String, Set<T>> sets) {
        Map<String, Long> counts = new TreeMap<>();
        sets.forEach((value, members) -> counts.put(value, (long) members.size()));
        return counts;
    }

    // --- REST -----------------------------------------------------------------------------------------------------

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
            HttpRequest.newBuilder(URI.create(TestRepository.serverUrl() + path))
                       .header("Accept", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(path + ": " + response.body(), response.statusCode(), is(200));
        return JSON.readTree(response.body());
    }

    /** Facet value counts of one facet (all values), with further query parameters. */
    private static Map<String, Long> facet(String name, String parameters) throws Exception {
        JsonNode answer = get("/api/discover/facets/" + name + "?configuration=useit&size=100" + parameters);
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode value : answer.path("_embedded").path("values")) {
            counts.put(value.path("label").asText(), value.path("count").asLong());
        }
        return counts;
    }

    /** Every search result (all pages) of a search; {@code parameters} as name=value pairs, values not encoded. */
    private static List<JsonNode> objects(String parameters) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        String query = parameters.isEmpty() ? "" : "&" + encodeValues(parameters);
        for (int page = 0; ; page++) {
            JsonNode result = get("/api/discover/search/objects?configuration=useit&size=100&page=" + page + query)
                .path("_embedded").path("searchResult");
            result.path("_embedded").path("objects").forEach(o -> found.add(o.path("_embedded")
                                                                                .path("indexableObject")));
            if (page + 1 >= result.path("page").path("totalPages").asInt()) {
                assertThat(found.size(), is(result.path("page").path("totalElements").asInt()));
                return found;
            }
        }
    }

    private static Set<UUID> hits(String parameters) throws Exception {
        return objects(parameters).stream().map(o -> UUID.fromString(o.path("uuid").asText()))
                                  .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String first(JsonNode object, String field) {
        JsonNode values = object.path("metadata").path(field);
        return values.size() == 0 ? null : values.get(0).path("value").asText();
    }

    /** The order of the Solr core's sort fields (ICU folding: case and accents ignored). */
    private static String sortKey(String title) {
        return Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** Encodes the values of name=value pairs given as people write them (spaces, ::, quotes, brackets). */
    private static String encodeValues(String parameters) {
        return Arrays.stream(parameters.split("&")).map(pair -> {
            int eq = pair.indexOf('=');
            return pair.substring(0, eq + 1) + encode(pair.substring(eq + 1));
        }).collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private RelationshipType partnerType() throws Exception {
        EntityTypeService entityTypes = ContentServiceFactory.getInstance().getEntityTypeService();
        RelationshipTypeService types = ContentServiceFactory.getInstance().getRelationshipTypeService();
        EntityType caseStudy = entityTypes.findByEntityType(context, "CaseStudy");
        EntityType orgUnit = entityTypes.findByEntityType(context, "OrgUnit");
        return types.findbyTypesAndTypeName(context, caseStudy, orgUnit, "isPartnerOfCaseStudy",
                                            "isCaseStudyOfPartner");
    }

}
