/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import eu.useit.tests.support.AbstractRepositoryProcessIT;
import eu.useit.tests.support.LauncherProcess;
import eu.useit.tests.support.OaiSchemas;
import eu.useit.tests.support.OrgUnitRecords;
import eu.useit.tests.support.RawHttp;
import eu.useit.tests.support.RepositoryProcess;
import eu.useit.tests.support.Xml;
import org.junit.Test;
import org.w3c.dom.Document;

/**
 * Hostile OAI-PMH requests (the corpus {@code oai-hostile-requests.tsv}: bad verbs, arguments, characters, sets,
 * identifiers, dates, forged and signed-but-impossible resumption tokens, other methods and addresses), replayed
 * against the repository the run command runs. Each must get the expected HTTP status and OAI-PMH outcome, as
 * {@code text/xml} that is valid against OAI-PMH.xsd: never a 5xx, HTML, a stack trace or an echo that breaks the
 * schema.
 */
public class OaiHostileRequestsIT extends AbstractRepositoryProcessIT {

    private static final String CORPUS = "/eu/useit/tests/harvesters/oai-hostile-requests.tsv";
    private static final String NAMESPACE = "useit.example.ac.uk";
    private static final Pattern REPEAT = Pattern.compile("\\{repeat:([^:}]*):(\\d+)}");
    private static final Pattern SIGNED = Pattern.compile("\\{signed:([^}]*)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    public void everyHostileRequestGetsAValidOaiAnswer() throws Exception {
        repository = RepositoryProcess.startAfresh("oai-hostile");
        // more records than a page holds, so that lists have resumption tokens: imported beside the running repository
        Path records = OrgUnitRecords.write(repository.dataDir().getParent(), "hostilezq", 0, 120);
        LauncherProcess.Outcome imported = repository.dspace("useit-import", "-f", records.toString(), "-e",
                                                             "admin@useit.example.ac.uk");
        assertThat(imported.stderr(), imported.exitCode(), is(0));

        Placeholders placeholders = new Placeholders(repository);
        OaiSchemas schemas = OaiSchemas.forPayloads("oai-pmh/2.0/oai_dc.xsd",
                                                    "classpath:/eu/useit/oaicheck/useit.xsd");
        List<String> failures = new ArrayList<>();
        int replayed = 0;
        for (String line : corpus()) {
            String[] columns = line.split("\t", -1);
            String method = columns[0];
            String target = placeholders.fill(columns[1]);
            String body = columns[2].equals("-") ? null : placeholders.fill(columns[2]);
            int status = Integer.parseInt(columns[3]);
            Set<String> outcomes = Set.of(columns[4].split("\\|"));
            String problem = check(send(method, target, body), method, status, outcomes, schemas);
            if (problem != null) {
                failures.add(columns[5] + " (" + method + " " + columns[1] + "): " + problem);
            }
            replayed++;
        }
        System.out.println("OAI-PMH hostile requests replayed: " + replayed + ", wrong: " + failures.size());
        assertThat(replayed, greaterThanOrEqualTo(150));
        assertThat(failures.size() + " of " + replayed + " hostile requests answered wrongly:\n  "
                       + String.join("\n  ", failures), failures, empty());
    }

    private static List<String> corpus() throws Exception {
        try (InputStream in = OaiHostileRequestsIT.class.getResourceAsStream(CORPUS)) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                         .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }

    private RawHttp.Response send(String method, String target, String body) throws Exception {
        URI server = URI.create(repository.server());
        String origin = server.getScheme() + "://" + server.getHost() + ":" + server.getPort();
        if (body == null) {
            return RawHttp.send(origin, method, server.getRawPath() + target, null, null);
        }
        int colon = body.indexOf(':');
        String type = body.substring(0, colon);
        return RawHttp.send(origin, method, server.getRawPath() + target,
                            "form".equals(type) ? "application/x-www-form-urlencoded" : type,
                            body.substring(colon + 1));
    }

    /** What is wrong with an answer, or null. */
    private static String check(RawHttp.Response response, String method, int status, Set<String> outcomes,
                                OaiSchemas schemas) throws Exception {
        String body = response.body();
        if (response.status() != status) {
            return "HTTP " + response.status() + ", expected " + status + ": " + shorten(body);
        }
        if ("HEAD".equals(method)) {
            return null;
        }
        if (outcomes.contains("page")) {
            // refused before the address is read: the container's short page, naming no software
            return body.contains("Tomcat") || body.contains("Exception") || body.length() > 2000
                ? "the container's page says too much: " + shorten(body) : null;
        }
        String type = response.header("Content-Type");
        if (!type.startsWith("text/xml")) {
            return "Content-Type " + type;
        }
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.contains("<html") || body.contains("\tat ") || body.contains("Exception")) {
            return "HTML or a stack trace: " + shorten(body);
        }
        List<String> invalid = schemas.errors(body);
        if (!invalid.isEmpty()) {
            return "not valid OAI-PMH: " + invalid.get(0);
        }
        Document document = Xml.parse(body);
        Set<String> codes = new TreeSet<>(Xml.strings(document, "/oai:OAI-PMH/oai:error/@code"));
        boolean expected = codes.isEmpty() ? outcomes.contains("ok") : outcomes.containsAll(codes);
        return expected ? null : "outcome " + (codes.isEmpty() ? "ok" : codes) + ", expected " + outcomes;
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** The corpus's placeholders, from the running repository: a handle, tokens, the token key. */
    private static final class Placeholders {
        private final String handle;
        private final String token;
        private final String tokenRecords;
        private final String useitToken;
        private final String useitTokenRecords;
        private final byte[] key;

        Placeholders(RepositoryProcess repository) throws Exception {
            String base = repository.server() + "/oai/";
            Document first = get(base + "request?verb=ListIdentifiers&metadataPrefix=oai_dc");
            String identifier = Xml.string(first, "(//oai:header[not(@status)]/oai:identifier)[1]");
            handle = identifier.substring(identifier.lastIndexOf(':') + 1);
            token = Xml.string(first, "//oai:resumptionToken").strip();
            tokenRecords = tokenOf(base + "request?verb=ListRecords&metadataPrefix=oai_dc");
            useitToken = tokenOf(base + "useit?verb=ListIdentifiers&metadataPrefix=oai_dc");
            useitTokenRecords = tokenOf(base + "useit?verb=ListRecords&metadataPrefix=oai_dc");
            key = Files.readString(repository.dataDir().resolve("dspace/var/oai/useit-token.key")).trim()
                       .getBytes(StandardCharsets.US_ASCII);
            if (token.isEmpty() || tokenRecords.isEmpty() || useitToken.isEmpty()) {
                throw new AssertionError("the lists have no resumption tokens to play with");
            }
        }

        private static Document get(String url) throws Exception {
            return Xml.parse(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                       HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
        }

        private static String tokenOf(String url) throws Exception {
            return Xml.string(get(url), "//oai:resumptionToken").strip();
        }

        String fill(String text) throws Exception {
            String filled = text.replace("{ns}", NAMESPACE).replace("{handle}", encode(handle))
                                .replace("{token-records}", tokenRecords).replace("{useit-token-records}",
                                                                                  useitTokenRecords)
                                .replace("{useit-token}", useitToken)
                                .replace("{token-truncated}", token.substring(0, token.length() / 2))
                                .replace("{token}", token);
            Matcher repeat = REPEAT.matcher(filled);
            StringBuilder out = new StringBuilder();
            while (repeat.find()) {
                repeat.appendReplacement(out, Matcher.quoteReplacement(
                    repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))));
            }
            repeat.appendTail(out);
            Matcher signed = SIGNED.matcher(out.toString());
            StringBuilder tokens = new StringBuilder();
            while (signed.find()) {
                signed.appendReplacement(tokens, Matcher.quoteReplacement(sign(signed.group(1))));
            }
            return signed.appendTail(tokens).toString();
        }

        /** A token of the repository's form, signed with its key: fields joined by newlines, HMAC-SHA256. */
        private String sign(String fields) throws Exception {
            byte[] payload = fields.replace("NOW", Long.toString(Instant.now().getEpochSecond())).replace('|', '\n')
                                   .getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            return encoder.encodeToString(payload) + "." + encoder.encodeToString(Arrays.copyOf(mac.doFinal(payload),
                                                                                                12));
        }

        private static String encode(String text) {
            return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
