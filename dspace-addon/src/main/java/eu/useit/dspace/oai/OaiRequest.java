/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import eu.useit.dspace.support.Characters;
import eu.useit.oaipmh.OaiDates;

/**
 * One OAI-PMH request, checked strictly against the protocol before DSpace's XOAI sees it: XOAI is lenient with
 * dates (it accepts {@code 24-04-2017}) and takes the first of repeated arguments. The query (GET) or the
 * form-encoded body (POST) is decoded here, as UTF-8 only, so a non-UTF-8 argument is an OAI error rather than a
 * mangled value.
 *
 * <p>Dates are normalised to second granularity: a day in {@code from} means its first second, a day in
 * {@code until} its last, so that {@code from=until=<day>} returns that day's records.</p>
 */
public final class OaiRequest {

    /** Longest argument value accepted; tokens, identifiers and set specs are far shorter. */
    public static final int MAX_VALUE_LENGTH = 1000;

    /** What OAI-PMH.xsd allows in a metadata prefix and in each part of a set spec. */
    private static final String SPEC_WORD = "[A-Za-z0-9\\-_.!~*'()]+";
    private static final Pattern PREFIX = Pattern.compile(SPEC_WORD);
    private static final Pattern SET_SPEC = Pattern.compile(SPEC_WORD + "(:" + SPEC_WORD + ")*");
    /** An argument name worth repeating in a message. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    /** Resumption tokens of this repository: base64url and a dot. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]+");

    private static final Map<String, Set<String>> REQUIRED = Map.of(
        "Identify", Set.of(),
        "ListMetadataFormats", Set.of(),
        "ListSets", Set.of(),
        "GetRecord", Set.of("identifier", "metadataPrefix"),
        "ListIdentifiers", Set.of("metadataPrefix"),
        "ListRecords", Set.of("metadataPrefix"));

    private static final Map<String, Set<String>> OPTIONAL = Map.of(
        "Identify", Set.of(),
        "ListMetadataFormats", Set.of("identifier"),
        "ListSets", Set.of("resumptionToken"),
        "GetRecord", Set.of(),
        "ListIdentifiers", Set.of("from", "until", "set", "resumptionToken"),
        "ListRecords", Set.of("from", "until", "set", "resumptionToken"));

    private final String verb;
    private final Map<String, String> arguments;
    private final Map<String, String> given;

    private OaiRequest(String verb, Map<String, String> arguments, Map<String, String> given) {
        this.verb = verb;
        this.arguments = Collections.unmodifiableMap(arguments);
        this.given = Collections.unmodifiableMap(given);
    }

    /**
     * Parses and checks a request.
     *
     * @param encoded the raw {@code application/x-www-form-urlencoded} query or body, may be null or empty
     * @return the request
     * @throws OaiError the OAI error to answer with
     */
    public static OaiRequest parse(String encoded) throws OaiError {
        Map<String, List<String>> raw = decode(encoded == null ? "" : encoded);
        for (Map.Entry<String, List<String>> argument : raw.entrySet()) {
            checkCharacters(argument.getKey(), argument.getValue());
        }
        List<String> verbs = raw.remove("verb");
        if (verbs == null || verbs.size() != 1 || !REQUIRED.containsKey(verbs.get(0))) {
            throw new OaiError("badVerb", verbs == null ? "The verb argument is missing."
                : verbs.size() > 1 ? "The verb argument is repeated." : "Illegal OAI verb.");
        }
        String verb = verbs.get(0);
        Map<String, String> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> argument : raw.entrySet()) {
            String name = argument.getKey();
            if (!REQUIRED.get(verb).contains(name) && !OPTIONAL.get(verb).contains(name)) {
                throw new OaiError("badArgument", (NAME.matcher(name).matches() ? "Argument " + name
                    : "An argument with a name no OAI-PMH argument has") + " is not allowed in " + verb + ".");
            }
            if (argument.getValue().size() > 1) {
                throw new OaiError("badArgument", "Argument " + name + " is repeated.");
            }
            String value = argument.getValue().get(0);
            if (value.isEmpty()) {
                throw new OaiError("badArgument", "Argument " + name + " is empty.");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                // no token of this repository is that long
                if ("resumptionToken".equals(name)) {
                    throw new OaiError("badResumptionToken", "Argument " + name + " is longer than "
                        + MAX_VALUE_LENGTH + " characters.").about(verb, null);
                }
                throw new OaiError("badArgument", "Argument " + name + " is longer than " + MAX_VALUE_LENGTH
                    + " characters.");
            }
            arguments.put(name, value);
        }
        if (arguments.containsKey("resumptionToken")) {
            if (arguments.size() > 1) {
                throw new OaiError("badArgument", "resumptionToken is an exclusive argument.");
            }
        } else {
            for (String name : REQUIRED.get(verb)) {
                if (!arguments.containsKey(name)) {
                    throw new OaiError("badArgument", "Argument " + name + " is required in " + verb + ".");
                }
            }
        }
        checkSyntax(verb, arguments);
        Map<String, String> given = new LinkedHashMap<>(arguments);
        checkDates(arguments);
        return new OaiRequest(verb, arguments, given);
    }

    /**
     * Refuses what XML cannot carry (it would break the response that echoes it) and Unicode noncharacters, in
     * names and values alike; the message does not repeat the text.
     */
    private static void checkCharacters(String name, List<String> values) throws OaiError {
        String where = NAME.matcher(name).matches() ? "Argument " + name : "An argument name";
        String problem = Characters.problem(name);
        for (int i = 0; problem == null && i < values.size(); i++) {
            problem = Characters.problem(values.get(i));
        }
        if (problem != null) {
            throw new OaiError("verb".equals(name) ? "badVerb" : "badArgument", where + " has a "
                + problem.substring(0, problem.indexOf(" at ")) + ".");
        }
    }

    /** Values the response echoes in its request element must be what OAI-PMH.xsd allows there. */
    private static void checkSyntax(String verb, Map<String, String> arguments) throws OaiError {
        String prefix = arguments.get("metadataPrefix");
        if (prefix != null && !PREFIX.matcher(prefix).matches()) {
            throw new OaiError("badArgument", "metadataPrefix has characters no metadata prefix has.");
        }
        String set = arguments.get("set");
        if (set != null && !SET_SPEC.matcher(set).matches()) {
            throw new OaiError("badArgument", "set is not a set spec (words of letters, digits and -_.!~*'() "
                + "joined by colons).");
        }
        String identifier = arguments.get("identifier");
        if (identifier != null && !isUri(identifier)) {
            throw new OaiError("badArgument", "identifier is not a URI.");
        }
        String token = arguments.get("resumptionToken");
        if (token != null && !TOKEN.matcher(token).matches()) {
            throw new OaiError("badResumptionToken", "The resumption token is not one of this repository's.")
                .about(verb, token);
        }
    }

    private static boolean isUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null && text.chars().noneMatch(Character::isWhitespace);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkDates(Map<String, String> arguments) throws OaiError {
        String from = arguments.get("from");
        String until = arguments.get("until");
        String fromSecond = from == null ? null : toSecond(from, "from", "T00:00:00Z");
        String untilSecond = until == null ? null : toSecond(until, "until", "T23:59:59Z");
        if (from != null && until != null) {
            if (from.length() != until.length()) {
                throw new OaiError("badArgument", "from and until have different granularities.");
            }
            if (from.compareTo(until) > 0) {
                throw new OaiError("badArgument", "from is later than until.");
            }
        }
        if (fromSecond != null) {
            arguments.put("from", fromSecond);
        }
        if (untilSecond != null) {
            arguments.put("until", untilSecond);
        }
    }

    private static String toSecond(String value, String name, String dayTime) throws OaiError {
        if (!OaiDates.isDatestamp(value)) {
            throw new OaiError("badArgument", name + " is not a UTC date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).");
        }
        if (OaiDates.parse(value) == null) {
            throw new OaiError("badArgument", name + " is not a valid date and time of day.");
        }
        return OaiDates.hasGranularity(value, OaiDates.DAY) ? value + dayTime : value;
    }

    private static Map<String, List<String>> decode(String encoded) throws OaiError {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = unescape(equals < 0 ? pair : pair.substring(0, equals));
            String value;
            try {
                value = equals < 0 ? "" : unescape(pair.substring(equals + 1));
            } catch (OaiError e) {
                // a verb that cannot be read is no legal verb
                throw "verb".equals(name) ? new OaiError("badVerb", e.getMessage().replace("The request", "The verb"))
                    : e;
            }
            result.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return result;
    }

    private static String unescape(String text) throws OaiError {
        ByteBuffer bytes = ByteBuffer.allocate(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new OaiError("badArgument", "The request has a truncated %-escape.");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new OaiError("badArgument", "The request has an invalid %-escape.");
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c > 0x7f) {
                throw new OaiError("badArgument", "The request has characters that are not URL-encoded.");
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                         .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new OaiError("badArgument", "The request is not UTF-8.");
        }
    }

    /**
     * @return the verb
     */
    public String verb() {
        return verb;
    }

    /**
     * @return the arguments other than the verb, dates at second granularity
     */
    public Map<String, String> arguments() {
        return arguments;
    }

    /**
     * @param name an argument name
     * @return its value as the harvester sent it (a date as it was written), or null
     */
    public String given(String name) {
        return given.get(name);
    }

    /**
     * @param name an argument name
     * @return its value or null
     */
    public String get(String name) {
        return arguments.get(name);
    }
}
