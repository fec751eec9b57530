/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import de.undercouch.citeproc.helper.json.StringJsonBuilderFactory;
import eu.useit.dspace.oai.index.IllustrativeNote;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXFormatter;
import org.jbibtex.Key;
import org.jbibtex.StringValue;

/**
 * The citations of an item's page, made from the item's CSL data: APA and Harvard (Cite Them Right) as text by
 * citeproc-java with the Citation Style Language's own styles, CSL-JSON by citeproc-java, BibTeX by jbibtex. RIS is
 * written here from the same CSL data, tag by tag (citeproc-java reads RIS but does not write it).
 * An illustrative record says so in its note, and so do values not yet checked against a source
 * ({@code useit.unverified}); the APA and Harvard text carry the note in brackets after the reference.
 */
public final class Citations {


    /** The fields a reference gives, in words, for its note on those not yet checked against a source. */
    private static final Map<String, String> CITED = Map.of("dc.contributor.author", "authors", "dc.date.issued",
        "date", "dc.publisher", "publisher", "dc.title", "title");

    private final ItemView item;
    private final CSLItemData data;

    /**
     * @param item         the item
     * @param url          its page's address (the handle URL)
     * @param illustrative what an illustrative record says it is
     */
    public Citations(ItemView item, String url, IllustrativeNote illustrative) {
        this.item = item;
        this.data = data(url, illustrative);
    }

    /**
     * @return the APA (7th edition) reference, as text
     */
    public String apa() {
        return withNote(text("apa"));
    }

    /**
     * @return the Harvard (Cite Them Right) reference, as text
     */
    public String harvard() {
        return withNote(text("harvard-cite-them-right"));
    }

    /** A reference as text with the record's note after it (the styles print none). */
    private String withNote(String reference) {
        return data.getNote() == null ? reference : reference + " [" + data.getNote() + "]";
    }

    /**
     * A BibTeX entry, written by jbibtex from the CSL data: its key is the item's (the CSL {@code bibtex} style
     * would make one from the first author's name, with spaces when the name is not split into family and given).
     *
     * @return a BibTeX entry
     */
    public String bibtex() {
        Key type = switch (cslType()) {
            case ARTICLE -> BibTeXEntry.TYPE_ARTICLE;
            case REPORT -> BibTeXEntry.TYPE_TECHREPORT;
            default -> BibTeXEntry.TYPE_MISC;
        };
        BibTeXEntry entry = new BibTeXEntry(type, new Key(fileStem()));
        bib(entry, BibTeXEntry.KEY_TITLE, data.getTitle());
        List<String> authors = new ArrayList<>();
        for (CSLName name : data.getAuthor() == null ? new CSLName[0] : data.getAuthor()) {
            // a name not split into family and given (a team, an organisation) is one name to BibTeX: braced
            authors.add(name.getLiteral() != null ? "{" + escaped(name.getLiteral()) + "}"
                : escaped(name.getFamily() + (name.getGiven() == null ? "" : ", " + name.getGiven())));
        }
        if (!authors.isEmpty()) {
            entry.addField(BibTeXEntry.KEY_AUTHOR, new StringValue(String.join(" and ", authors),
                                                                   StringValue.Style.BRACED));
        }
        if (data.getIssued() != null && data.getIssued().getDateParts() != null) {
            int[] parts = data.getIssued().getDateParts()[0];
            bib(entry, BibTeXEntry.KEY_YEAR, Integer.toString(parts[0]));
            bib(entry, BibTeXEntry.KEY_MONTH, parts.length > 1 ? Integer.toString(parts[1]) : null);
        }
        bib(entry, type == BibTeXEntry.TYPE_TECHREPORT ? BibTeXEntry.KEY_INSTITUTION : BibTeXEntry.KEY_PUBLISHER,
            data.getPublisher());
        bib(entry, BibTeXEntry.KEY_TYPE, data.getGenre());
        entry.addField(BibTeXEntry.KEY_URL, new StringValue(data.getURL().replaceAll("[{}]", ""),
                                                            StringValue.Style.BRACED));
        bib(entry, BibTeXEntry.KEY_NOTE, data.getNote());
        BibTeXDatabase database = new BibTeXDatabase();
        database.addObject(entry);
        StringWriter out = new StringWriter();
        try {
            new BibTeXFormatter().format(database, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A field in braces, with the characters BibTeX and LaTeX read as markup escaped. */
    private static void bib(BibTeXEntry entry, Key key, String value) {
        if (value != null && !value.isBlank()) {
            entry.addField(key, new StringValue(escaped(value), StringValue.Style.BRACED));
        }
    }

    /** A value as BibTeX text: LaTeX's special characters escaped. */
    private static String escaped(String value) {
        return value.strip().replace("\\", "\\textbackslash ").replaceAll("([{}&%$#_])", "\\\\$1")
                    .replace("~", "\\textasciitilde{}").replace("^", "\\textasciicircum{}");
    }

    /**
     * @return a CSL-JSON array of the one item
     */
    public String cslJson() {
        return "[" + data.toJson(new StringJsonBuilderFactory().createJsonBuilder()) + "]\n";
    }

    /**
     * @return a RIS record
     */
    public String ris() {
        StringBuilder ris = new StringBuilder();
        tag(ris, "TY", risType());
        tag(ris, "TI", data.getTitle());
        for (CSLName name : data.getAuthor() == null ? new CSLName[0] : data.getAuthor()) {
            tag(ris, "AU", name.getLiteral() != null ? name.getLiteral()
                : name.getFamily() + (name.getGiven() == null ? "" : ", " + name.getGiven()));
        }
        List<String> issued = item.issued();
        if (!issued.isEmpty()) {
            tag(ris, "PY", issued.get(0));
            tag(ris, "DA", issued.get(0) + "/" + (issued.size() > 1 ? issued.get(1) : "") + "/"
                + (issued.size() > 2 ? issued.get(2) : ""));
        }
        tag(ris, "PB", data.getPublisher());
        tag(ris, "AB", data.getAbstrct());
        for (String keyword : item.all("dc.subject")) {
            tag(ris, "KW", keyword);
        }
        tag(ris, "N1", data.getNote());
        tag(ris, "UR", data.getURL());
        tag(ris, "LA", item.first("dc.language.iso"));
        return ris.append("ER  - \n").toString();
    }

    /**
     * @return the file name stem for downloads, from the handle
     */
    public String fileStem() {
        return "useit-" + (item.handle() == null ? item.uuid().toString() : item.handle().replaceAll("[^0-9A-Za-z]+",
                                                                                                       "-"));
    }

    private String text(String style) {
        try {
            return CSL.makeAdhocBibliography(style, "text", data).makeString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException("The citation style " + style + " cannot be read", e);
        }
    }

    private CSLItemData data(String url, IllustrativeNote illustrative) {
        CSLItemDataBuilder builder = new CSLItemDataBuilder().id(fileStem()).type(cslType()).title(item.title())
            .URL(url);
        List<CSLName> authors = new ArrayList<>();
        for (String author : item.all("dc.contributor.author")) {
            authors.add(name(author));
        }
        if (!authors.isEmpty()) {
            builder.author(authors.toArray(new CSLName[0]));
        }
        int[] issued = item.issued().stream().mapToInt(Integer::parseInt).toArray();
        switch (issued.length) {
            case 3 -> builder.issued(issued[0], issued[1], issued[2]);
            case 2 -> builder.issued(issued[0], issued[1]);
            case 1 -> builder.issued(issued[0]);
            default -> {
                // no date: none is invented
            }
        }
        String publisher = item.first("dc.publisher");
        if (publisher != null) {
            builder.publisher(publisher);
        }
        if (item.summary() != null) {
            builder.abstrct(item.summary());
        }
        if ("CaseStudy".equals(item.type())) {
            builder.genre("Case study");
        } else if (item.first("dc.type") != null) {
            builder.genre(item.first("dc.type"));
        }
        List<String> notes = new ArrayList<>();
        if (item.illustrative()) {
            notes.add(illustrative.text());
        }
        List<String> unchecked = new ArrayList<>();
        CITED.forEach((field, words) -> {
            if (item.unverified(field) && !item.all(field).isEmpty()) {
                unchecked.add(words);
            }
        });
        if (!unchecked.isEmpty()) {
            unchecked.sort(null);
            notes.add("Not yet checked against a source: " + String.join(", ", unchecked) + ".");
        }
        if (!notes.isEmpty()) {
            builder.note(String.join(" ", notes));
        }
        return builder.build();
    }

    /** "Family, Given" as DSpace stores names; any other form as one literal name. */
    private static CSLName name(String value) {
        int comma = value.indexOf(',');
        if (comma > 0 && comma < value.length() - 1) {
            return new CSLNameBuilder().family(value.substring(0, comma).strip())
                                       .given(value.substring(comma + 1).strip()).build();
        }
        return new CSLNameBuilder().literal(value.strip()).build();
    }

    private CSLType cslType() {
        String kind = item.first("dc.type") == null ? "" : item.first("dc.type").toLowerCase();
        if (kind.contains("video")) {
            return CSLType.MOTION_PICTURE;
        }
        if (kind.contains("blog") || kind.contains("post")) {
            return CSLType.POST_WEBLOG;
        }
        // a UIA "journal" is an expert's report on the project, not a journal article
        if (kind.contains("article")) {
            return CSLType.ARTICLE;
        }
        return CSLType.REPORT;
    }

    private String risType() {
        return switch (cslType()) {
            case MOTION_PICTURE -> "VIDEO";
            case POST_WEBLOG -> "BLOG";
            case ARTICLE -> "GEN";
            default -> "RPRT";
        };
    }

    private static void tag(StringBuilder ris, String tag, String value) {
        if (value != null && !value.isBlank()) {
            ris.append(tag).append("  - ").append(value.replaceAll("\\s+", " ").strip()).append('\n');
        }
    }
}
