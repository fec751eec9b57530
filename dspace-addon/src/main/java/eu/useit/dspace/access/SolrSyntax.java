/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Solr query syntax that reads across documents: local parameters ({@code {!join ...}}, {@code {!graph ...}}), which
 * run a query of their own over every document, hidden ones included, and the magic fields {@code _query_} (a nested
 * query) and {@code _val_} (a function, e.g. of index statistics). Solr's standard parser reads unicode escapes (a
 * backslash, u and four hex digits) and removes other backslash escapes before it looks for them, so they are looked
 * for in the text as Solr will read it.
 */
public final class SolrSyntax {

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    /**
     * Local parameters anywhere; a magic field's name wherever it could be a term of its own (Solr skips white space
     * of any kind and comments between a field and its colon), not inside a word such as {@code train_val_test}.
     */
    private static final Pattern ACROSS = Pattern.compile("\\{\\s*!"
        + "|(?<![\\p{L}\\p{N}_])_(query|val)_(?![\\p{L}\\p{N}_])");

    private SolrSyntax() {
    }

    /**
     * @param text a query or filter as a caller gave it
     * @return whether Solr would read syntax in it that reads across documents
     */
    public static boolean readsAcross(String text) {
        if (text == null) {
            return false;
        }
        Matcher escape = UNICODE_ESCAPE.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(decoded,
                                     Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1),
                                                                                                     16))));
        }
        escape.appendTail(decoded);
        String read = decoded.toString().replace("\\", "").toLowerCase(Locale.ROOT);
        return ACROSS.matcher(read).find();
    }
}
