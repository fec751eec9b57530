/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Checks every surface of a running repository for what anonymous users and plain accounts may see of the
 * {@link AccessState}s, over real HTTP, and lists every problem: OAI-PMH (every format of both contexts, every
 * set, GetRecord of every state, deleted headers), the REST API (items, bundles, files and their content, handle
 * look-up, search and facets of both Discovery configurations, browse), the pages (item pages at both addresses,
 * citation downloads, file downloads, the sitemap, the strand browse page) and every file link an output gives.
 * A hidden item shows nothing but a deleted header in OAI-PMH and the answer of a missing object in the REST API;
 * a closed file is linked nowhere, described as open nowhere and downloadable by nobody of these.
 */
final class AccessMatrix {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern FILE_LINK = Pattern.compile(
        "/(?:bitstreams|api/core/bitstreams)/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
            + "/(?:download|content)");
    private static final String[] CONTEXTS = {"request", "useit"};
    private static final String MISSING = UUID.randomUUID().toString();
    private static final String MISSING_TOO = UUID.randomUUID().toString();
    /** A handle and a number (of a version, a version history) of nothing. */
    private static final String NO_HANDLE = "123456789/987654321";
    private static final String NO_NUMBER = "987654321";
    /** Zeros DSpace reads before a number (as {@code Integer.valueOf}). */
    private static final String PADDING = "0000";
    private static final String COPY_REQUESTS = "/api/tools/itemrequests";
    private static final String AUTHORIZATION = "/api/authz/authorizations/";
    /** What may follow an object's UUID in its address, DSpace reading the same object. */
    private static final List<String> ADDRESS_SPELLINGS = List.of("/", "?x=1", "#x");

    private final String server;
    private final List<AccessState> states;
    private final String anonymousGroup;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> fileLinks = new TreeSet<>();
    private final Map<String, AccessState> byHandle = new HashMap<>();

    AccessMatrix(String server, List<AccessState> states, String anonymousGroup) {
        this.server = server;
        this.states = states;
        this.anonymousGroup = anonymousGroup;
        states.stream().filter(s -> s.handle != null).forEach(s -> byHandle.put(s.handle, s));
    }

    /**
     * The whole matrix.
     *
     * @param anonymous a client that is not logged in
     * @param plain     a client logged in as an account with no rights
     * @return every problem found; none when nothing hidden shows
     */
    List<String> check(RestClient anonymous, RestClient plain) throws Exception {
        return check(anonymous, plain, true);
    }

    /**
     * @param anonymous a client that is not logged in
     * @param plain     a client logged in as an account with no rights
     * @param full      whether to harvest every list of OAI-PMH (else each state's records only)
     * @return every problem found
     */
    List<String> check(RestClient anonymous, RestClient plain, boolean full) throws Exception {
        for (String context : CONTEXTS) {
            oai(context, full);
        }
        for (RestClient client : List.of(anonymous, plain)) {
            String who = client == anonymous ? "anonymous" : "plain account";
            rest(client, who);
            search(client, who);
            pages(client, who);
        }
        for (String file : fileLinks) {
            for (String address : List.of("/api/core/bitstreams/" + file + "/content",
                                          "/useit/bitstreams/" + file + "/download")) {
                RestClient.Response download = anonymous.get(address);
                if (download.status() != 200) {
                    problems.add("an output links file " + file + ", which anybody cannot download at " + address
                                     + " (HTTP " + download.status() + ")");
                }
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------------- OAI-PMH

    private void oai(String context, boolean full) throws Exception {
        String base = server + "/oai/" + context;
        List<String> formats = Xml.strings(parse(oai(base, "verb=ListMetadataFormats")),
                                           "//oai:metadataPrefix");
        if (full) {
            Set<String> listed = new TreeSet<>();
            for (Document page : list(base, "ListSets", "")) {
                listed.addAll(Xml.strings(page, "//oai:setSpec"));
            }
            for (String format : formats) {
                for (Document page : list(base, "ListRecords", "metadataPrefix=" + format)) {
                    // a record is in no set that ListSets does not list (a closed collection's, say)
                    for (String set : Xml.strings(page, "//oai:header/oai:setSpec")) {
                        if (!listed.contains(set)) {
                            problems.add(base + " " + format + ": a record names set " + set
                                             + ", which ListSets does not list");
                        }
                    }
                }
            }
            for (String set : listed) {
                list(base, "ListIdentifiers", "metadataPrefix=oai_dc&set=" + RestClient.encode(set));
            }
        }
        String prefix = "oai:" + Xml.string(parse(oai(base, "verb=Identify")),
                                            "//*[local-name()='repositoryIdentifier']") + ":";
        for (AccessState state : states) {
            if (state.handle == null) {
                continue;
            }
            String identifier = "&identifier=" + RestClient.encode(prefix + state.handle);
            for (String format : formats) {
                String record = oai(base, "verb=GetRecord&metadataPrefix=" + format + identifier);
                boolean live = !Xml.nodes(parse(record), "//oai:record/oai:metadata").isEmpty();
                if (!state.hidden() && "oai_dc".equals(format) && !live) {
                    problems.add(base + ": public " + state + " is not harvested");
                }
            }
            if (!state.hidden() && state.accessRight != null) {
                accessRights(base, prefix, state);
            }
        }
    }

    /** The access right every format with a place for it gives a public item with files. */
    private void accessRights(String base, String prefix, AccessState state) throws Exception {
        String identifier = "&identifier=" + RestClient.encode(prefix + state.handle);
        Map<String, String> given = new LinkedHashMap<>();
        given.put("qdc", Xml.string(parse(oai(base, "verb=GetRecord&metadataPrefix=qdc" + identifier)),
                                    "//*[local-name()='accessRights']"));
        Document openaire = parse(oai(base, "verb=GetRecord&metadataPrefix=oai_openaire" + identifier));
        given.put("oai_openaire", Xml.string(openaire, "//*[local-name()='rights']/@rightsURI"));
        if (state.accessRight.endsWith("c_f1cf")
            && Xml.string(openaire, "//*[local-name()='date'][@dateType='Available']").isBlank()) {
            problems.add(base + " oai_openaire: " + state + " is embargoed with no Available date (its end)");
        }
        given.put("datacite", Xml.string(parse(oai(base, "verb=GetRecord&metadataPrefix=datacite" + identifier)),
                                         "//*[local-name()='rights']/@rightsURI"));
        given.forEach((format, right) -> {
            if (!state.accessRight.equals(right.strip())) {
                problems.add(base + " " + format + ": " + state + " has access right '" + right.strip()
                                 + "', expected " + state.accessRight);
            }
        });
    }

    private List<Document> list(String base, String verb, String arguments) throws Exception {
        List<Document> pages = new ArrayList<>();
        String query = "verb=" + verb + (arguments.isEmpty() ? "" : "&" + arguments);
        while (query != null) {
            Document page = parse(oai(base, query));
            pages.add(page);
            String token = Xml.string(page, "//oai:resumptionToken").strip();
            query = token.isEmpty() ? null : "verb=" + verb + "&resumptionToken=" + RestClient.encode(token);
        }
        return pages;
    }

    /** One OAI-PMH request; its answer is checked for anything hidden before it is returned. */
    private String oai(String base, String query) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "?" + query))
                                                             .timeout(Duration.ofSeconds(60)).GET().build(),
                                                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String where = base + "?" + query;
        if (response.statusCode() != 200) {
            problems.add(where + ": HTTP " + response.statusCode());
        }
        String body = response.body();
        inspect(where, body);
        Document document = parse(body);
        for (Node header : Xml.nodes(document, "//oai:header")) {
            String identifier = Xml.string(header, "oai:identifier");
            AccessState state = byHandle.get(identifier.substring(identifier.lastIndexOf(':') + 1));
            if (state != null && state.hidden() && (!"deleted".equals(Xml.string(header, "@status"))
                || !Xml.nodes(header, "../oai:metadata").isEmpty())) {
                problems.add(where + ": hidden " + state + " is given as a live record");
            }
        }
        return body;
    }

    /** No output may name anything hidden; file links are kept to be tried. */
    private void inspect(String where, String body) {
        for (AccessState state : states) {
            if (state.hidden() && body.contains(state.marker)) {
                problems.add(where + ": shows hidden " + state);
            }
            for (AccessState.File file : state.files) {
                int at = file.open() ? -1 : body.indexOf(file.uuid());
                if (at >= 0) {
                    problems.add(where + ": names closed file " + file.uuid() + " of " + state + ": ..."
                                     + body.substring(Math.max(0, at - 300), Math.min(body.length(), at + 100)));
                }
            }
            if (state.hiddenRelated != null && body.contains(state.hiddenRelated.item)) {
                problems.add(where + ": names the hidden " + state.hiddenRelated + " through " + state);
            }
        }
        Matcher link = FILE_LINK.matcher(body);
        while (link.find()) {
            fileLinks.add(link.group(1));
        }
    }

    private static Document parse(String body) throws Exception {
        return Xml.parse(body);
    }

    // ----------------------------------------------------------------------------------------------------- pages

    private void pages(RestClient client, String who) {
        for (AccessState state : states) {
            List<String> addresses = new ArrayList<>(List.of("/useit/items/" + state.item,
                                                             "/useit/items/" + state.item + "/citation.bib"));
            for (String[] linkset : List.of(
                new String[] {"/signposting/linksets/" + state.item, "application/linkset"},
                new String[] {"/signposting/linksets/" + state.item + "/json", "application/linkset+json"},
                new String[] {"/signposting/links/" + state.item, "application/json"})) {
                RestClient.Response signposts = client.get(linkset[0], linkset[1]);
                if (!state.hidden() && signposts.status() == 200) {
                    // a public item's linkset may name no closed file and no hidden item
                    inspect("signposting " + linkset[0] + " as " + who, signposts.body());
                }
                // a hidden item's answer is a missing one's
                if (state.hidden()) {
                    same(who, state, "signposting " + linkset[0], signposts,
                         client.get(linkset[0].replace(state.item, MISSING), linkset[1]), false);
                } else if (signposts.status() != 200) {
                    problems.add("signposting " + linkset[0] + " as " + who + " of " + state + ": HTTP "
                                     + signposts.status());
                }
            }
            if (state.hidden()) {
                // what DSpace answers before it looks for the item (another method, a type it does not produce)
                String linkset = "/signposting/linksets/" + state.item;
                same(who, state, "linkset as a page", client.get(linkset, "text/html"),
                     client.get(linkset.replace(state.item, MISSING), "text/html"), false);
                same(who, state, "linkset posted", client.post(linkset, Map.of()),
                     client.post(linkset.replace(state.item, MISSING), Map.of()), false);
            }
            int describedBy = client.get("/signposting/describedby/" + state.item).status();
            if (describedBy >= 500) {
                problems.add("signposting /describedby/ as " + who + " of " + state + ": HTTP " + describedBy);
            }
            if (state.handle != null) {
                addresses.add(0, "/useit/handle/" + state.handle);
            }
            for (String address : addresses) {
                RestClient.Response page = client.get(address);
                inspect("page " + address + " as " + who, page.body());
                boolean names = page.body().contains(state.item)
                    || state.handle != null && page.body().contains(state.handle);
                if (state.hidden() && (page.status() != 404 && page.status() != 410 || names)) {
                    problems.add("page " + address + " as " + who + " of hidden " + state + ": HTTP " + page.status()
                                     + ", not a page that names nothing");
                }
                if (!state.everPublic && page.status() == 410) {
                    problems.add("page " + address + " as " + who + " of " + state + ": HTTP 410 says that an "
                                     + "item nobody could ever see existed");
                }
                if (!state.hidden() && (page.status() != 200 || !page.body().contains(state.marker))) {
                    problems.add("page " + address + " as " + who + " of public " + state + ": HTTP "
                                     + page.status());
                }
                if (!state.hidden() && address.startsWith("/useit/handle/")) {
                    for (AccessState.File file : state.files) {
                        if (file.open() && !page.body().contains("/bitstreams/" + file.uuid() + "/download")) {
                            problems.add("page " + address + " does not link open file " + file.uuid());
                        }
                    }
                }
            }
            for (AccessState.File file : state.files) {
                boolean open = !state.hidden() && file.open();
                RestClient.Response download = client.get("/useit/bitstreams/" + file.uuid() + "/download");
                if (open != (download.status() == 200) || !open && download.body().contains(file.uuid())) {
                    problems.add("download of " + (open ? "open" : "closed") + " file " + file.uuid() + " of "
                                     + state + " as " + who + ": HTTP " + download.status());
                }
            }
        }
        RestClient.Response sitemap = client.get("/useit/sitemap.xml");
        inspect("sitemap as " + who, sitemap.body());
        for (AccessState state : states) {
            if (state.handle != null && state.hidden() == sitemap.body().contains("/handle/" + state.handle + "<")) {
                problems.add("the sitemap " + (state.hidden() ? "lists hidden " : "lacks public ") + state);
            }
        }
        inspect("browse page as " + who, client.get("/useit/browse").body());
    }

    // -------------------------------------------------------------------------------------------------- REST API

    private void rest(RestClient client, String who) {
        Map<String, RestClient.Response> missing = new LinkedHashMap<>();
        missing.put("item", client.get("/api/core/items/" + MISSING));
        missing.put("bundles", client.get("/api/core/items/" + MISSING + "/bundles"));
        missing.put("file", client.get("/api/core/bitstreams/" + MISSING));
        missing.put("content", client.get("/api/core/bitstreams/" + MISSING + "/content"));
        missing.put("handle", client.get("/api/pid/find?id=" + NO_HANDLE));
        missing.put("uuid", client.get("/api/dso/find?uuid=" + MISSING));
        missing.put("usage", client.get("/api/statistics/usagereports/" + MISSING + "_TotalVisits"));
        missing.put("usage search", client.get(usageReportsOf(MISSING)));
        missing.put("authorisations", client.get(authorisationsOf("items", MISSING, "canSeeVersions")));
        missing.put("file authorisations", client.get(authorisationsOf("bitstreams", MISSING, "canDownload")));
        missing.put("authorisation", client.get("/api/authz/authorizations/canSeeVersions_core.item_" + MISSING));
        for (String spelling : ADDRESS_SPELLINGS) {
            missing.put("authorisations" + spelling, client.get(authorisationsOf("items", MISSING + spelling,
                                                                                 "canSeeVersions")));
        }
        missing.put("authorisations of a list", client.get(authorisationsOfList(MISSING)));
        missing.put("view event", viewEvent(client, MISSING));
        missing.put("copy request", client.post(COPY_REQUESTS, copyRequest(MISSING, null)));
        missing.put("file copy request", client.post(COPY_REQUESTS, copyRequest(MISSING, MISSING_TOO)));
        missing.put("copy request at /", client.post(COPY_REQUESTS + "/", copyRequest(MISSING, null)));
        missing.put("view event in base64", viewEvent(client, base64(MISSING)));
        missing.put("view event with spaces", viewEvent(client, " " + MISSING + " "));
        missing.put("search event", searchEvent(client, MISSING));
        missing.put("OPTIONS", client.options("/api/core/items/" + MISSING));
        missing.put("file by handle", client.get(fileByHandle(NO_HANDLE)));
        missing.put("group policies", groupPolicies(client, MISSING));
        missing.put("version", client.get("/api/versioning/versions/" + NO_NUMBER));
        missing.put("version's item", client.get("/api/versioning/versions/" + NO_NUMBER + "/item"));
        missing.put("version history", client.get("/api/versioning/versionhistories/" + NO_NUMBER));
        missing.put("history's versions", client.get("/api/versioning/versionhistories/" + NO_NUMBER + "/versions"));
        missing.put("history's draft", client.get("/api/versioning/versionhistories/" + NO_NUMBER + "/draftVersion"));
        missing.put("padded version", client.get("/api/versioning/versions/" + PADDING + NO_NUMBER));
        missing.put("padded version's history", client.get("/api/versioning/versions/" + PADDING + NO_NUMBER
                                                               + "/versionhistory"));
        // the caller's own authorisations, the caller named in capitals (DSpace reads a UUID)
        String me = callerInCapitals(client);
        if (me != null) {
            missing.put("own authorisation", client.get(AUTHORIZATION + me + "_canSeeVersions_core.item_" + MISSING));
        }
        for (AccessState state : states) {
            if (state.hidden()) {
                if (me != null) {
                    same(who, state, "own authorisation", client.get(AUTHORIZATION + me + "_canSeeVersions_core.item_"
                                                                         + state.item),
                         missing.get("own authorisation"), false);
                }
                hiddenInRest(client, who, state, missing);
                hiddenPolicies(client, who, state, missing.get("group policies").status());
            } else {
                publicInRest(client, who, state);
            }
        }
        usageReports(client, who);
    }

    /**
     * Usage reports count the views of every item, hidden ones too, and name the most viewed (a site's) or the most
     * downloaded files (an item's): for administrators only, the site's and a public item's as the others.
     */
    private void usageReports(RestClient client, String who) {
        String site = client.get("/api/core/sites").expect(200).json().at("/_embedded/sites/0/id").asText();
        List<String> reports = new ArrayList<>(List.of(
            "/api/statistics/usagereports/" + site + "_TotalVisits",
            "/api/statistics/usagereports/search/object?uri=" + RestClient.encode(server + "/api/core/sites/" + site)));
        states.stream().filter(state -> !state.hidden()).findFirst()
              .ifPresent(state -> reports.add(usageReportsOf(state.item)));
        for (String report : reports) {
            int status = client.get(report).status();
            if (status != 401 && status != 403) {
                problems.add("REST as " + who + ": usage report " + report + " answers HTTP " + status
                                 + ", not refused (401 or 403)");
            }
        }
    }

    /**
     * The policies of a hidden item, its bundles and files (an embargo's day, a withdrawal) are refused, as others'
     * are, and none is counted among the Anonymous group's policies of the item (every account is a member of
     * Anonymous, and a member may read its group's policies).
     */
    private void hiddenPolicies(RestClient client, String who, AccessState state, int missing) {
        RestClient.Response counted = groupPolicies(client, state.item);
        if (counted.status() != missing
            || counted.status() == 200 && counted.json().at("/page/totalElements").asLong() != 0) {
            problems.add("REST as " + who + ": the Anonymous group's policies of hidden " + state + " answer HTTP "
                             + counted.status() + " " + counted.json().at("/page"));
        }
        for (String policy : state.policies) {
            int status = client.get("/api/authz/resourcepolicies/" + policy).status();
            if (status != 401 && status != 403) {
                problems.add("REST as " + who + ": policy " + policy + " of hidden " + state + " answers HTTP "
                                 + status + ", not refused (401 or 403)");
            }
        }
    }

    private RestClient.Response groupPolicies(RestClient client, String object) {
        return client.get("/api/authz/resourcepolicies/search/group?uuid=" + anonymousGroup + "&resource=" + object);
    }

    private static String fileByHandle(String handle) {
        return "/api/core/bitstreams/search/byItemHandle?filename=none.pdf&handle=" + RestClient.encode(handle);
    }

    private void hiddenInRest(RestClient client, String who, AccessState state,
                              Map<String, RestClient.Response> missing) {
        same(who, state, "OPTIONS", client.options("/api/core/items/" + state.item), missing.get("OPTIONS"), false);
        if (state.handle != null) {
            same(who, state, "file by handle", client.get(fileByHandle(state.handle)), missing.get("file by handle"),
                 false);
        }
        if (state.version != null) {
            String version = "/api/versioning/versions/" + state.version;
            same(who, state, "version", client.get(version), missing.get("version"), false);
            same(who, state, "version's item", client.get(version + "/item"), missing.get("version's item"), false);
            String padded = "/api/versioning/versions/" + PADDING + state.version;
            same(who, state, "version, its number padded", client.get(padded), missing.get("padded version"), false);
            same(who, state, "version's history, its number padded", client.get(padded + "/versionhistory"),
                 missing.get("padded version's history"), false);
        }
        if (state.history != null) {
            String history = "/api/versioning/versionhistories/" + state.history;
            same(who, state, "version history", client.get(history), missing.get("version history"), false);
            same(who, state, "history's versions", client.get(history + "/versions"),
                 missing.get("history's versions"), false);
            same(who, state, "history's draft", client.get(history + "/draftVersion"),
                 missing.get("history's draft"), false);
        }
        RestClient.Response item = client.get("/api/core/items/" + state.item);
        boolean tombstone = item.status() == 200 && item.json().path("withdrawn").asBoolean()
            && item.json().path("metadata").isEmpty();
        same(who, state, "item", item, missing.get("item"), tombstone);
        // other spellings of the same address reach the same controller
        String upper = state.item.toUpperCase(Locale.ROOT);
        for (String spelling : List.of("/api/core/it%65ms/" + state.item, "/api/core/x/../items/" + state.item,
                                       "/api/core/items;a=b/" + state.item, "/api/core//items/" + state.item,
                                       "/api/core/items/" + upper, "/api/core/items/" + state.item + "/")) {
            RestClient.Response spelt = client.get(spelling);
            if (spelt.body().contains(state.marker) || spelt.status() == 200) {
                problems.add("REST as " + who + ": " + spelling + " of hidden " + state + " answers HTTP "
                                 + spelt.status());
            }
        }
        same(who, state, "bundles", client.get("/api/core/items/" + state.item + "/bundles"), missing.get("bundles"),
             false);
        same(who, state, "UUID look-up", client.get("/api/dso/find?uuid=" + state.item), missing.get("uuid"), false);
        same(who, state, "usage report", client.get("/api/statistics/usagereports/" + state.item + "_TotalVisits"),
             missing.get("usage"), false);
        same(who, state, "usage reports", client.get(usageReportsOf(state.item)), missing.get("usage search"), false);
        // DSpace reads the object of an authorisation with authorisation turned off, and embeds it
        same(who, state, "authorisations", client.get(authorisationsOf("items", state.item, "canSeeVersions")),
             missing.get("authorisations"), false);
        same(who, state, "authorisation", client.get("/api/authz/authorizations/canSeeVersions_core.item_"
                                                         + state.item), missing.get("authorisation"), false);
        for (AccessState.File file : state.files) {
            same(who, state, "file's authorisations", client.get(authorisationsOf("bitstreams", file.uuid(),
                                                                                  "canDownload")),
                 missing.get("file authorisations"), false);
        }
        // addresses and lists DSpace reads as naming the same object
        for (String spelling : ADDRESS_SPELLINGS) {
            same(who, state, "authorisations at " + spelling, client.get(authorisationsOf("items",
                state.item + spelling, "canSeeVersions")), missing.get("authorisations" + spelling), false);
        }
        same(who, state, "authorisations of a list", client.get(authorisationsOfList(state.item)),
             missing.get("authorisations of a list"), false);
        // spellings DSpace reads as the same UUID
        same(who, state, "UUID look-up with spaces", client.get("/api/dso/find?uuid=%20" + state.item + "%20"),
             missing.get("uuid"), false);
        same(who, state, "usage reports of an odd address", client.get(
            "/api/statistics/usagereports/search/object?uri=" + RestClient.encode("x\n/" + state.item)),
             missing.get("usage search"), false);
        // objects named in a JSON body, which DSpace looks up with no regard to the caller
        same(who, state, "view event", viewEvent(client, state.item), missing.get("view event"), false);
        same(who, state, "copy request", client.post(COPY_REQUESTS, copyRequest(state.item, null)),
             missing.get("copy request"), false);
        same(who, state, "copy request at /", client.post(COPY_REQUESTS + "/", copyRequest(state.item, null)),
             missing.get("copy request at /"), false);
        same(who, state, "view event in base64", viewEvent(client, base64(state.item)),
             missing.get("view event in base64"), false);
        same(who, state, "view event with spaces", viewEvent(client, " " + state.item + " "),
             missing.get("view event with spaces"), false);
        same(who, state, "search event", searchEvent(client, state.item), missing.get("search event"), false);
        for (AccessState.File file : state.files) {
            same(who, state, "file's copy request", client.post(COPY_REQUESTS, copyRequest(state.item, file.uuid())),
                 missing.get("file copy request"), false);
        }
        for (AccessState.File file : state.files) {
            same(who, state, "file's UUID look-up", client.get("/api/dso/find?uuid=" + file.uuid()),
                 missing.get("uuid"), false);
            same(who, state, "file", client.get("/api/core/bitstreams/" + file.uuid()), missing.get("file"), false);
            same(who, state, "content", client.get("/api/core/bitstreams/" + file.uuid() + "/content"),
                 missing.get("content"), false);
        }
        if (state.handle != null) {
            same(who, state, "handle", client.get("/api/pid/find?id=" + state.handle), missing.get("handle"), false);
            // a file found by its item's handle and its place
            for (int sequence = 1; sequence <= state.files.size() + 1; sequence++) {
                RestClient.Response found = client.get("/api/core/bitstreams/search/byItemHandle?handle="
                                                           + RestClient.encode(state.handle) + "&sequence=" + sequence);
                for (AccessState.File file : state.files) {
                    if (found.body().contains(file.uuid())) {
                        problems.add("REST as " + who + ": the file search by handle shows file " + file.uuid()
                                         + " of hidden " + state);
                    }
                }
            }
        }
    }

    private String authorisationsOf(String kind, String object, String feature) {
        return "/api/authz/authorizations/search/object?embed=object&feature=" + feature + "&uri="
            + RestClient.encode(server + "/api/core/" + kind + "/" + object);
    }

    /** The authorisations of a list of items: this one and one that does not exist. */
    private static String authorisationsOfList(String item) {
        return "/api/authz/authorizations/search/objects?type=core.item&feature=canSeeVersions&embed=object&uuid="
            + item + "," + MISSING_TOO;
    }

    /** A view of an item, as DSpace's UI reports it. */
    private static RestClient.Response viewEvent(RestClient client, String item) {
        return client.post("/api/statistics/viewevents", Map.of("targetId", item, "targetType", "item"));
    }

    /** The UUID of the account the client is logged in as, in capitals; null when it is not logged in. */
    private static String callerInCapitals(RestClient client) {
        String eperson = client.get("/api/authn/status").expect(200).json().at("/_links/eperson/href").asText();
        return eperson.isEmpty() ? null : eperson.substring(eperson.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
    }

    /** A click on a search result, as DSpace's UI reports it. */
    private static RestClient.Response searchEvent(RestClient client, String item) {
        return client.post("/api/statistics/searchevents", Map.of(
            "query", "access", "dsoType", "item", "clickedObject", item,
            "page", Map.of("size", 10, "totalElements", 1, "totalPages", 1, "number", 0),
            "sort", Map.of("by", "score", "order", "desc")));
    }

    /** A UUID's 16 bytes in base64, which Jackson also reads as the UUID. */
    private static String base64(String uuid) {
        UUID id = UUID.fromString(uuid);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                                                      .putLong(id.getLeastSignificantBits()).array());
    }

    /** A request for a copy of an item's files ({@code file} null) or of one file. */
    private static Map<String, Object> copyRequest(String item, String file) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("itemId", item);
        request.put("allfiles", file == null);
        if (file != null) {
            request.put("bitstreamId", file);
        }
        request.put("requestEmail", "reader@access-matrix.example.org");
        request.put("requestName", "A reader (illustrative)");
        request.put("requestMessage", "A copy, please (illustrative)");
        return request;
    }

    private String usageReportsOf(String item) {
        return "/api/statistics/usagereports/search/object?uri=" + RestClient.encode(server + "/api/core/items/"
                                                                                       + item);
    }

    /**
     * A hidden item's answer is a missing one's: the same status, the same headers and the same body but for the
     * names each request gave (its UUIDs, handle, numbers) and the moment (an error's time).
     */
    private void same(String who, AccessState state, String what, RestClient.Response response,
                      RestClient.Response missing, boolean allowed) {
        if (response.body().contains(state.marker)) {
            problems.add("REST as " + who + ": the " + what + " of hidden " + state + " shows it");
        }
        if (allowed) {
            return;
        }
        List<String> names = namesOf(state);
        List<String> missingNames = namesOf(null);
        if (response.status() != missing.status()) {
            problems.add("REST as " + who + ": the " + what + " of hidden " + state + " answers HTTP "
                             + response.status() + ", a missing one " + missing.status());
        } else if (!headers(response, names).equals(headers(missing, missingNames))) {
            problems.add("REST as " + who + ": the " + what + " of hidden " + state + " answers with headers "
                             + headers(response, names) + ", a missing one " + headers(missing, missingNames));
        } else if (!named(response.body(), names).equals(named(missing.body(), missingNames))) {
            problems.add("REST as " + who + ": the " + what + " of hidden " + state + " answers " + response.body()
                             + ", a missing one " + missing.body());
        }
    }

    /** Each header's values, named; of those that vary from one answer to the next, the name only. */
    private static Map<String, String> headers(RestClient.Response response, List<String> names) {
        Map<String, String> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            // the moment; the connection, closed after so many requests (the same request of each run, the
            // requests being the same); the length, of names of other lengths
            if (!Set.of("date", "connection", "keep-alive").contains(lower)) {
                headers.put(lower, "content-length".equals(lower) ? "" : named(String.join(", ", values), names));
            }
        });
        return headers;
    }

    /**
     * How a request names a hidden item (null: the missing one): its UUIDs, in capitals and base64, its handle, its
     * version's and history's numbers in an address.
     */
    private static List<String> namesOf(AccessState state) {
        List<String> names = new ArrayList<>();
        String item = state == null ? MISSING : state.item;
        names.add(item);
        names.add(item.toUpperCase(Locale.ROOT));
        names.add(base64(item));
        String handle = state == null || state.handle == null ? NO_HANDLE : state.handle;
        names.add(handle);
        names.add(RestClient.encode(handle));
        if (state != null) {
            state.files.forEach(file -> names.add(file.uuid()));
        }
        String version = state == null ? NO_NUMBER : state.version;
        String history = state == null ? NO_NUMBER : state.history;
        for (String padding : List.of(PADDING, "")) {
            if (version != null) {
                names.add("/versions/" + padding + version);
            }
            if (history != null) {
                names.add("/versionhistories/" + padding + history);
            }
        }
        return names;
    }

    /** A text with each name as {@code <name>}, and an error's time as {@code <moment>}. */
    private static String named(String text, List<String> names) {
        String named = text.replaceAll("\"timestamp\"\\s*:\\s*\"[^\"]*\"", "\"timestamp\":\"<moment>\"");
        for (String name : names) {
            named = named.replace(name, "<name>");
        }
        return named;
    }

    private void publicInRest(RestClient client, String who, AccessState state) {
        RestClient.Response item = client.get("/api/core/items/" + state.item);
        if (item.status() != 200 || !item.body().contains(state.marker)) {
            problems.add("REST as " + who + ": public " + state + " answers HTTP " + item.status());
        }
        for (AccessState.File file : state.files) {
            int status = client.get("/api/core/bitstreams/" + file.uuid() + "/content").status();
            if (file.open() != (status == 200)) {
                problems.add("REST as " + who + ": file " + file.uuid() + " of " + state + " ("
                                 + (file.open() ? "open" : "closed") + ") answers HTTP " + status);
            }
            if (!file.open()) {
                // DSpace's request for a copy of a closed file: signed-in users may ask (request.item.type)
                int asked = client.post(COPY_REQUESTS, copyRequest(state.item, file.uuid())).status();
                int expected = "anonymous".equals(who) ? 401 : 201;
                if (asked != expected) {
                    problems.add("REST as " + who + ": a request for a copy of closed file " + file.uuid() + " of "
                                     + state + " answers HTTP " + asked + ", not " + expected);
                }
            }
        }
        if (state.hiddenRelated != null) {
            hiddenRelationship(client, who, state);
        }
    }

    /** A relationship with a hidden item is not shown: not its id, not the hidden item's UUID, not its name. */
    private void hiddenRelationship(RestClient client, String who, AccessState state) {
        RestClient.Response relations = client.get("/api/core/items/" + state.item
                                                       + "/relationships?embed=leftItem&embed=rightItem");
        if (relations.status() != 200) {
            problems.add("REST as " + who + ": the relationships of public " + state + " answer HTTP "
                             + relations.status());
        }
        // a relationship with a hidden item is answered as one that does not exist, its type too
        RestClient.Response one = client.get("/api/core/relationships/" + state.hiddenRelationship);
        for (String below : List.of("", "/relationshipType")) {
            int status = client.get("/api/core/relationships/" + state.hiddenRelationship + below).status();
            int none = client.get("/api/core/relationships/" + Integer.MAX_VALUE + below).status();
            if (status != none) {
                problems.add("REST as " + who + ": relationship " + state.hiddenRelationship + below
                                 + " with the hidden " + state.hiddenRelated + " answers HTTP " + status
                                 + ", one that does not exist " + none);
            }
        }
        // the relationship with a public item shows, in the item's relationships and on its own
        int visible = client.get("/api/core/relationships/" + state.visibleRelationship).status();
        if (visible != 200 || !relations.body().contains(state.visibleRelated.item)) {
            problems.add("REST as " + who + ": relationship " + state.visibleRelationship + " with the public "
                             + state.visibleRelated + " answers HTTP " + visible + " or is not among the item's");
        }
        // a relationship to a hidden item is refused as one to an item that does not exist
        String type = "/api/core/relationships?relationshipType="
            + client.get("/api/core/relationships/" + state.visibleRelationship + "/relationshipType").json()
                    .path("id").asText();
        int toHidden = client.postUris(type, client.server() + "/api/core/items/" + state.item,
                                       client.server() + "/api/core/items/" + state.hiddenRelated.item).status();
        int toNothing = client.postUris(type, client.server() + "/api/core/items/" + state.item,
                                        client.server() + "/api/core/items/" + MISSING).status();
        if (toHidden != toNothing) {
            problems.add("REST as " + who + ": a relationship to the hidden " + state.hiddenRelated + " answers HTTP "
                             + toHidden + ", to an item that does not exist " + toNothing);
        }
        Map<String, RestClient.Response> answers = new LinkedHashMap<>();
        answers.put("the relationships of the item", relations);
        answers.put("the relationship", one);
        for (String path : List.of("/api/core/relationships?size=1000",
                                   "/api/core/relationships/search/byLabel?label=isPartnerOfCaseStudy&size=1000",
                                   "/api/core/relationships/search/byLabel?label=isPartnerOfCaseStudy&size=1000&dso="
                                       + state.item,
                                   "/api/core/items/" + state.item + "?embed=relationships")) {
            answers.put(path, client.get(path));
        }
        answers.forEach((what, answer) -> {
            String body = answer.body();
            if (body.contains(state.hiddenRelated.item) || body.contains(state.hiddenRelated.marker)
                || body.contains("\"id\":" + state.hiddenRelationship + ",")) {
                problems.add("REST as " + who + ": " + what + " (HTTP " + answer.status() + ") names the hidden "
                                 + state.hiddenRelated + " or its relationship");
            }
        });
    }

    private void search(RestClient client, String who) {
        for (String configuration : List.of("default", "useit")) {
            for (AccessState state : states) {
                JsonNode page = client.get("/api/discover/search/objects?configuration=" + configuration + "&query="
                                               + RestClient.encode("\"" + state.marker + "\"")).expect(200).json();
                long found = page.at("/_embedded/searchResult/page/totalElements").asLong();
                if (state.hidden() ? found > 0 : found == 0) {
                    problems.add("search (" + configuration + ") as " + who + ": " + state + " found " + found
                                     + " time(s)");
                }
            }
        }
        inspectRest(who, client.get("/api/discover/facets/subject?configuration=default&prefix=amk&size=500"));
        inspectRest(who, client.get("/api/discover/facets/partner?configuration=useit&size=500"));
        inspectRest(who, client.get("/api/discover/search/objects?configuration=useit&size=100"));
        browse(client, who);
    }

    /**
     * The "browse by" lists a stock DSpace site has (the runtime's dspace.cfg gives it the same): a public item is in
     * the lists of items by title and by date issued, its subject among the subjects, and it among its subject's
     * items; a hidden one in none of them. (The authors' list is not read: no item of the matrix has an author.)
     */
    private void browse(RestClient client, String who) {
        String base = "/api/discover/browses/";
        List<RestClient.Response> lists = List.of(client.get(base + "title/items?size=1000").expect(200),
                                                  client.get(base + "dateissued/items?size=1000").expect(200),
                                                  client.get(base + "subject/entries?size=1000").expect(200));
        for (AccessState state : states) {
            if (!state.hidden() && !lists.stream().allMatch(list -> list.body().contains(state.marker))) {
                problems.add("browse as " + who + ": the public " + state + " is missing from the lists by title"
                                 + " or date issued, or its subject from the subjects");
            }
            // the items of its subject (the answer's own links repeat the subject: only its count is read)
            long bySubject = client.get(base + "subject/items?size=100&filterValue=" + RestClient.encode(state.marker))
                                   .expect(200).json().at("/page/totalElements").asLong();
            if (state.hidden() ? bySubject > 0 : bySubject == 0) {
                problems.add("browse as " + who + ": the items of the subject of " + state + ": " + bySubject);
            }
        }
        lists.forEach(list -> inspectRest(who, list));
    }

    private void inspectRest(String who, RestClient.Response response) {
        for (AccessState state : states) {
            if (state.hidden() && response.body().contains(state.marker)) {
                problems.add("REST as " + who + ": a list shows hidden " + state + ": "
                                 + response.body().substring(0, Math.min(200, response.body().length())));
            }
            if (state.hiddenRelated != null && response.body().contains(state.hiddenRelated.item)) {
                problems.add("REST as " + who + ": a list names the hidden " + state.hiddenRelated);
            }
        }
    }
}
