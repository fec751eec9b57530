/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.useit.oaipmh.OaiDates;

/**
 * A tiny OAI-PMH 2.0 data provider over real HTTP (the JDK's HttpServer on 127.0.0.1): five records (one
 * deleted), sets {@code type}, {@code type:case-study} and {@code col_1}, formats oai_dc and oai_openaire, pages
 * of two. Conformant unless told to break in one of the ways {@link Breakage} names.
 */
public final class FakeOaiEndpoint implements AutoCloseable {

    /**
     * Ways to break the endpoint.
     */
    public enum Breakage {
        /** cursor is the page number. */
        CURSOR_AS_PAGE,
        /** the last page of an incomplete list has no resumptionToken. */
        NO_EMPTY_FINAL_TOKEN,
        /** bad arguments, verbs and tokens answer HTTP 500 with an HTML stack trace. */
        ERROR_500,
        /** an Accept header with text/html gets an HTML page. */
        HTML_FOR_BROWSERS,
        /** the identifier namespace is localhost. */
        LOCALHOST_NAMESPACE,
        /** record 2's oai_dc has an element oai_dc does not define. */
        INVALID_PAYLOAD,
        /** record 3's oai_openaire has no access rights. */
        NO_ACCESS_RIGHTS,
        /** records of set type:case-study name only that set and are not in the list of set type. */
        FLAT_SETS
    }

    private static final int PAGE = 2;
    private static final String PATH = "/oai/request";
    private static final String OAI_DC = "oai_dc";
    private static final String OPENAIRE = "oai_openaire";
    private static final List<String> SETS = List.of("type", "type:case-study", "col_1");
    private static final Map<String, Set<String>> ARGUMENTS = Map.of(
        "Identify", Set.of("verb"),
        "ListMetadataFormats", Set.of("verb", "identifier"),
        "ListSets", Set.of("verb", "resumptionToken"),
        "ListIdentifiers", Set.of("verb", "metadataPrefix", "from", "until", "set", "resumptionToken"),
        "ListRecords", Set.of("verb", "metadataPrefix", "from", "until", "set", "resumptionToken"),
        "GetRecord", Set.of("verb", "identifier", "metadataPrefix"));

    private record Item(int number, String datestamp, List<String> sets, boolean deleted) {
    }

    private record Reply(int status, String contentType, String body) {
    }

    private record ListState(String verb, String prefix, String set, String from, String until, int offset) {
    }

    private static final List<Item> ITEMS = List.of(
        new Item(1, "2024-01-02T10:00:00Z", List.of("type", "type:case-study"), false),
        new Item(2, "2024-01-03T10:00:00Z", List.of("type", "type:case-study"), false),
        new Item(3, "2024-01-04T10:00:00Z", List.of("col_1"), false),
        new Item(4, "2024-01-05T10:00:00Z", List.of("col_1"), false),
        new Item(5, "2024-01-06T10:00:00Z", List.of("col_1"), true));

    private final Set<Breakage> breakages;
    private final HttpServer server;
    private final String baseUrl;
    private final String namespace;
    private final Map<String, ListState> tokens = new HashMap<>();

    static {
        // no Nagle delay between the response headers and the body (else each request waits for a delayed ACK)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private FakeOaiEndpoint(Set<Breakage> breakages) throws IOException {
        this.breakages = breakages;
        this.namespace = breakages.contains(Breakage.LOCALHOST_NAMESPACE) ? "localhost" : "useit.example.ac.uk";
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext(PATH, this::handle);
        this.server.start();
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /**
     * @param breakages what to get wrong (none: a conformant endpoint)
     * @return the running endpoint
     * @throws IOException if no port can be bound
     */
    public static FakeOaiEndpoint start(Breakage... breakages) throws IOException {
        Set<Breakage> set = EnumSet.noneOf(Breakage.class);
        set.addAll(List.of(breakages));
        return new FakeOaiEndpoint(set);
    }

    /**
     * @return the endpoint's base URL
     */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = "POST".equals(exchange.getRequestMethod())
                ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII)
                : exchange.getRequestURI().getRawQuery();
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            Reply reply = breakages.contains(Breakage.HTML_FOR_BROWSERS) && accept != null
                && accept.contains("text/html")
                ? new Reply(200, "text/html;charset=UTF-8", "<!DOCTYPE html><html><body>OAI</body></html>")
                : answer(raw == null ? "" : raw);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private synchronized Reply answer(String raw) {
        Map<String, List<String>> args = new LinkedHashMap<>();
        boolean malformed = false;
        for (String pair : raw.isEmpty() ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
            if (key == null || value == null) {
                malformed = true;
            } else {
                args.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        List<String> verbs = args.getOrDefault("verb", List.of());
        if (verbs.size() != 1 || !ARGUMENTS.containsKey(verbs.get(0))) {
            return error(null, "badVerb", "missing, repeated or unknown verb");
        }
        String verb = verbs.get(0);
        if (malformed || !ARGUMENTS.get(verb).containsAll(args.keySet())
            || args.values().stream().anyMatch(v -> v.size() > 1)) {
            return error(null, "badArgument", "unknown, repeated or undecodable argument");
        }
        Map<String, String> a = new HashMap<>();
        args.forEach((k, v) -> a.put(k, v.get(0)));
        if (a.containsKey("resumptionToken") && a.size() > 2) {
            return error(null, "badArgument", "resumptionToken is exclusive");
        }
        switch (verb) {
            case "Identify":
                return ok(a, identify());
            case "ListMetadataFormats":
                if (a.containsKey("identifier") && item(a.get("identifier")) == null) {
                    return error(a, "idDoesNotExist", "no such record");
                }
                return ok(a, formats());
            case "GetRecord":
                return getRecord(a);
            default:
                return list(verb, a);
        }
    }

    private Reply getRecord(Map<String, String> a) {
        if (!a.containsKey("identifier") || !a.containsKey("metadataPrefix")) {
            return error(null, "badArgument", "identifier and metadataPrefix are required");
        }
        Item item = item(a.get("identifier"));
        if (item == null) {
            return error(a, "idDoesNotExist", "no such record");
        }
        if (!isFormat(a.get("metadataPrefix"))) {
            return error(a, "cannotDisseminateFormat", "unknown format");
        }
        return ok(a, "<GetRecord>" + record(item, a.get("metadataPrefix")) + "</GetRecord>");
    }

    private Reply list(String verb, Map<String, String> a) {
        ListState state;
        if (a.containsKey("resumptionToken")) {
            state = tokens.get(a.get("resumptionToken"));
            if (state == null || !state.verb().equals(verb)) {
                return error(null, "badResumptionToken", "unknown token");
            }
        } else if ("ListSets".equals(verb)) {
            state = new ListState(verb, null, null, null, null, 0);
        } else {
            if (!a.containsKey("metadataPrefix")) {
                return error(null, "badArgument", "metadataPrefix is required");
            }
            String from = a.get("from");
            String until = a.get("until");
            if (from != null && OaiDates.parse(from) == null || until != null && OaiDates.parse(until) == null
                || from != null && until != null && (from.length() != until.length()
                                                     || OaiDates.parse(from).isAfter(OaiDates.parse(until)))) {
                return error(null, "badArgument", "bad dates");
            }
            if (!isFormat(a.get("metadataPrefix"))) {
                return error(a, "cannotDisseminateFormat", "unknown format");
            }
            state = new ListState(verb, a.get("metadataPrefix"), a.get("set"), from, until, 0);
        }
        List<String> entries = entries(state);
        if (entries.isEmpty()) {
            return error(a, "noRecordsMatch", "nothing");
        }
        int end = Math.min(state.offset() + PAGE, entries.size());
        StringBuilder body = new StringBuilder("<" + verb + ">");
        entries.subList(state.offset(), end).forEach(body::append);
        if (entries.size() > PAGE) {
            int cursor = breakages.contains(Breakage.CURSOR_AS_PAGE) ? state.offset() / PAGE : state.offset();
            String attributes = " cursor=\"" + cursor + "\" completeListSize=\"" + entries.size() + "\"";
            if (end < entries.size()) {
                String token = "t" + (tokens.size() + 1) + "-" + Long.toHexString(Double.doubleToLongBits(end));
                tokens.put(token, new ListState(verb, state.prefix(), state.set(), state.from(), state.until(),
                                                end));
                body.append("<resumptionToken").append(attributes).append('>').append(token)
                    .append("</resumptionToken>");
            } else if (!breakages.contains(Breakage.NO_EMPTY_FINAL_TOKEN)) {
                body.append("<resumptionToken").append(attributes).append("/>");
            }
        }
        return ok(a, body.append("</").append(verb).append('>').toString());
    }

    private List<String> entries(ListState state) {
        if ("ListSets".equals(state.verb())) {
            return SETS.stream().map(s -> "<set><setSpec>" + s + "</setSpec><setName>Set " + s + "</setName></set>")
                       .collect(Collectors.toList());
        }
        Instant from = state.from() == null ? null : OaiDates.parse(state.from());
        Instant until = state.until() == null ? null : OaiDates.parse(state.until());
        if (until != null && state.until().length() == 10) {
            until = until.plus(1, ChronoUnit.DAYS).minusSeconds(1);
        }
        List<String> entries = new ArrayList<>();
        for (Item item : ITEMS) {
            Instant stamp = OaiDates.parse(item.datestamp());
            boolean nested = !breakages.contains(Breakage.FLAT_SETS);
            boolean inSet = state.set() == null || sets(item).stream().anyMatch(
                s -> s.equals(state.set()) || nested && s.startsWith(state.set() + ":"));
            if (inSet && (from == null || !stamp.isBefore(from)) && (until == null || !stamp.isAfter(until))) {
                entries.add("ListRecords".equals(state.verb()) ? record(item, state.prefix()) : header(item));
            }
        }
        return entries;
    }

    private String identify() {
        return "<Identify><repositoryName>Fake USE-IT!</repositoryName><baseURL>" + baseUrl + "</baseURL>"
            + "<protocolVersion>2.0</protocolVersion><adminEmail>admin@useit.example.ac.uk</adminEmail>"
            + "<earliestDatestamp>2024-01-01T00:00:00Z</earliestDatestamp><deletedRecord>persistent</deletedRecord>"
            + "<granularity>YYYY-MM-DDThh:mm:ssZ</granularity><description>"
            + "<oai-identifier xmlns=\"http://www.openarchives.org/OAI/2.0/oai-identifier\" xsi:schemaLocation=\""
            + "http://www.openarchives.org/OAI/2.0/oai-identifier "
            + "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd\"><scheme>oai</scheme>"
            + "<repositoryIdentifier>" + namespace + "</repositoryIdentifier><delimiter>:</delimiter>"
            + "<sampleIdentifier>oai:" + namespace + ":123456789/1</sampleIdentifier></oai-identifier>"
            + "</description></Identify>";
    }

    private static String formats() {
        return "<ListMetadataFormats><metadataFormat><metadataPrefix>oai_dc</metadataPrefix>"
            + "<schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</schema>"
            + "<metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</metadataNamespace></metadataFormat>"
            + "<metadataFormat><metadataPrefix>oai_openaire</metadataPrefix>"
            + "<schema>https://www.openaire.eu/schema/repo-lit/4.0/openaire.xsd</schema>"
            + "<metadataNamespace>http://namespace.openaire.eu/schema/oaire/</metadataNamespace></metadataFormat>"
            + "</ListMetadataFormats>";
    }

    private String header(Item item) {
        StringBuilder out = new StringBuilder(item.deleted() ? "<header status=\"deleted\">" : "<header>");
        out.append("<identifier>").append(identifier(item)).append("</identifier><datestamp>")
           .append(item.datestamp()).append("</datestamp>");
        sets(item).forEach(s -> out.append("<setSpec>").append(s).append("</setSpec>"));
        return out.append("</header>").toString();
    }

    private String record(Item item, String prefix) {
        if (item.deleted()) {
            return "<record>" + header(item) + "</record>";
        }
        return "<record>" + header(item) + "<metadata>" + (OAI_DC.equals(prefix) ? dc(item) : openAire(item))
            + "</metadata></record>";
    }

    private String dc(Item item) {
        return "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xsi:schemaLocation=\""
            + "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">"
            + "<dc:title>Case study " + item.number() + "</dc:title><dc:date>2020</dc:date>"
            + "<dc:identifier>http://hdl.handle.net/123456789/" + item.number() + "</dc:identifier>"
            + (item.number() == 2 && breakages.contains(Breakage.INVALID_PAYLOAD) ? "<dc:colour>red</dc:colour>" : "")
            + "</oai_dc:dc>";
    }

    private String openAire(Item item) {
        return "<oaire:resource xmlns:oaire=\"http://namespace.openaire.eu/schema/oaire/\" "
            + "xmlns:datacite=\"http://datacite.org/schema/kernel-4\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
            + "xsi:schemaLocation=\"http://namespace.openaire.eu/schema/oaire/ "
            + "https://www.openaire.eu/schema/repo-lit/4.0/openaire.xsd\">"
            + "<datacite:titles><datacite:title>Case study " + item.number() + "</datacite:title></datacite:titles>"
            + "<datacite:dates><datacite:date dateType=\"Issued\">2020-01-01</datacite:date></datacite:dates>"
            + "<dc:language>eng</dc:language>"
            + "<oaire:resourceType resourceTypeGeneral=\"literature\" "
            + "uri=\"http://purl.org/coar/resource_type/c_18cf\">text</oaire:resourceType>"
            + "<datacite:identifier identifierType=\"HANDLE\">http://hdl.handle.net/123456789/" + item.number()
            + "</datacite:identifier>"
            + (item.number() == 3 && breakages.contains(Breakage.NO_ACCESS_RIGHTS) ? ""
                : "<datacite:rights rightsURI=\"http://purl.org/coar/access_right/c_abf2\">open access"
                    + "</datacite:rights>")
            + "</oaire:resource>";
    }

    private List<String> sets(Item item) {
        return breakages.contains(Breakage.FLAT_SETS) ? item.sets().stream().filter(s -> !"type".equals(s))
                                                            .collect(Collectors.toList()) : item.sets();
    }

    private String identifier(Item item) {
        return "oai:" + namespace + ":123456789/" + item.number();
    }

    private Item item(String identifier) {
        return ITEMS.stream().filter(i -> identifier(i).equals(identifier)).findFirst().orElse(null);
    }

    private static boolean isFormat(String prefix) {
        return OAI_DC.equals(prefix) || OPENAIRE.equals(prefix);
    }

    private Reply ok(Map<String, String> args, String body) {
        return new Reply(200, "text/xml;charset=UTF-8", envelope(args, body));
    }

    private Reply error(Map<String, String> args, String code, String message) {
        if (breakages.contains(Breakage.ERROR_500) && Set.of("badVerb", "badArgument", "badResumptionToken")
                                                          .contains(code)) {
            return new Reply(500, "text/html;charset=UTF-8", "<html><body><pre>java.lang.IllegalArgumentException: "
                + message + "\n\tat org.example.oai.Provider.handle(Provider.java:42)\n</pre></body></html>");
        }
        return ok(args, "<error code=\"" + code + "\">" + message + "</error>");
    }

    private String envelope(Map<String, String> args, String body) {
        StringBuilder attributes = new StringBuilder();
        if (args != null) {
            args.forEach((k, v) -> attributes.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
            + "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd\">"
            + "<responseDate>" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "</responseDate>"
            + "<request" + attributes + ">" + baseUrl + "</request>" + body + "</OAI-PMH>";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < encoded.length(); i++) {
                char c = encoded.charAt(i);
                if (c == '%' && i + 2 < encoded.length()) {
                    bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c == '+' ? ' ' : c);
                }
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                         .onUnmappableCharacter(CodingErrorAction.REPORT)
                                         .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException | NumberFormatException e) {
            return null;
        }
    }
}
