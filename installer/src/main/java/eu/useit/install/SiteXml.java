/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.nio.charset.Charset;
import java.util.List;

import org.w3c.dom.Document;

/**
 * A site's XML configuration file being merged into: checked well-formed, its elements found in its text, and
 * edited only where elements of ours are added or replaced, in the file's own indentation and line breaks.
 * Everything else stays byte for byte.
 */
final class SiteXml {

    private final String name;
    private final Charset charset;
    private final XmlText xml;
    private final Splices splices;

    private SiteXml(String name, Charset charset, XmlText xml) {
        this.name = name;
        this.charset = charset;
        this.xml = xml;
        this.splices = new Splices(xml.text());
    }

    /**
     * Reads a file.
     *
     * @param bytes the file's content
     * @param name  the file, for messages
     * @param root  the local name its root element must have
     * @return the file, ready for edits
     * @throws InstallException if it is not well-formed XML or its root element is another
     */
    static SiteXml read(byte[] bytes, String name, String root) throws InstallException {
        Document document = XmlFiles.parse(bytes, name);
        Charset charset = XmlFiles.charset(document);
        XmlText xml = XmlText.of(new String(bytes, charset));
        if (!root.equals(xml.root().name())) {
            throw new InstallException(name + ": the root element is <" + xml.root().qualifiedName() + ">, not <"
                                           + root + ">");
        }
        return new SiteXml(name, charset, xml);
    }

    /**
     * @return the file's name, for messages
     */
    String name() {
        return name;
    }

    /**
     * @return the file's elements as read (edits do not change them)
     */
    XmlText xml() {
        return xml;
    }

    /**
     * @return the root element
     */
    XmlText.Element root() {
        return xml.root();
    }

    /**
     * @param element an element of the file
     * @return its text
     */
    String source(XmlText.Element element) {
        return xml.source(element);
    }

    /**
     * Adds elements of ours after the last content of {@code parent}, each on a line of its own, indented like
     * the parent's children.
     *
     * @param parent an element of the file
     * @param items  the elements to add, in order
     */
    void append(XmlText.Element parent, List<Snippet> items) {
        if (items.isEmpty()) {
            return;
        }
        String lineBreak = xml.lineBreak();
        String indent = xml.childIndent(parent);
        String parentIndent = indentOrNothing(parent);
        String unit = unit(parent);
        StringBuilder added = new StringBuilder();
        for (Snippet item : items) {
            added.append(lineBreak).append(indent).append(item.at(indent, unit, lineBreak));
        }
        if (parent.empty()) {
            int slash = xml.text().lastIndexOf('/', parent.startTagEnd());
            splices.replace(slash, parent.startTagEnd(), ">" + added + lineBreak + parentIndent + "</"
                + parent.qualifiedName() + ">");
            return;
        }
        splices.insert(appendPoint(parent), added + closingBreak(parent));
    }

    /**
     * Adds elements of ours to {@code parent} just before one of its children, each on a line of its own,
     * indented like that child; after its last content when there is no such child.
     *
     * @param parent an element of the file
     * @param before a child of {@code parent}, or null
     * @param items  the elements to add, in order
     */
    void insertBefore(XmlText.Element parent, XmlText.Element before, List<Snippet> items) {
        String indent = before == null ? null : xml.indentOf(before);
        if (before == null || items.isEmpty() || indent == null) {
            append(parent, items);
            return;
        }
        String lineBreak = xml.lineBreak();
        StringBuilder added = new StringBuilder();
        for (Snippet item : items) {
            added.append(item.at(indent, unit(parent), lineBreak)).append(lineBreak).append(indent);
        }
        // not between the child and the comment on the lines above it, which describes it
        int at = before.start();
        int comment = xml.leadingComment(before);
        if (comment >= 0 && xml.text().substring(0, comment).endsWith(lineBreak + indent)) {
            at = comment;
        }
        splices.insert(at, added.toString());
    }

    /**
     * Replaces an element of the file by one of ours, at its indentation.
     *
     * @param existing an element of the file
     * @param item     ours
     */
    void replace(XmlText.Element existing, Snippet item) {
        String indent = xml.indentOf(existing);
        splices.replace(existing.start(), existing.end(),
                        item.at(indent == null ? item.indent() : indent, unit(existing), xml.lineBreak()));
    }

    /**
     * Adds a section the file lacks to its root element, holding elements of ours: before the first of
     * {@code before} the root has, else after its last content.
     *
     * @param section the section's name
     * @param items   its elements
     * @param before  the names of sections that come after it, in the order the file's reader expects
     */
    void addSection(String section, List<Snippet> items, List<String> before) {
        addSection(section, items, before, null);
    }

    /**
     * As {@link #addSection(String, List, List)}, with a comment of ours on the lines before the section.
     *
     * @param section the section's name
     * @param items   its elements
     * @param before  the names of sections that come after it, in the order the file's reader expects
     * @param comment the comment, or null
     */
    void addSection(String section, List<Snippet> items, List<String> before, Snippet comment) {
        XmlText.Element root = xml.root();
        String lineBreak = xml.lineBreak();
        String indent = xml.childIndent(root);
        String unit = unit(root);
        String prefix = root.qualifiedName().contains(":")
            ? root.qualifiedName().substring(0, root.qualifiedName().indexOf(':') + 1) : "";
        StringBuilder text = new StringBuilder();
        if (comment != null) {
            text.append(comment.at(indent, unit, lineBreak)).append(lineBreak).append(indent);
        }
        text.append('<').append(prefix).append(section).append('>');
        for (Snippet item : items) {
            text.append(lineBreak).append(indent).append(unit).append(item.at(indent + unit, unit, lineBreak));
        }
        text.append(lineBreak).append(indent).append("</").append(prefix).append(section).append('>');
        for (XmlText.Element child : root.children()) {
            if (before.contains(child.name())) {
                splices.insert(child.start(), text + lineBreak + indentOrNothing(child));
                return;
            }
        }
        splices.insert(appendPoint(root), lineBreak + indent + text + closingBreak(root));
    }

    /**
     * @return the edited file, or null when no edit was made
     */
    byte[] result() {
        return splices.isEmpty() ? null : splices.apply().getBytes(charset);
    }

    private String indentOrNothing(XmlText.Element element) {
        String indent = xml.indentOf(element);
        return indent == null ? "" : indent;
    }

    /** Where content is added to an element: after its last content (element, comment or text). */
    private int appendPoint(XmlText.Element parent) {
        String text = xml.text();
        int at = parent.contentEnd();
        while (at > parent.startTagEnd() && Character.isWhitespace(text.charAt(at - 1))) {
            at--;
        }
        return at;
    }

    /** What puts the end tag back on a line of its own when there was no line break before it. */
    private String closingBreak(XmlText.Element parent) {
        String before = xml.text().substring(appendPoint(parent), parent.contentEnd());
        return before.indexOf('\n') < 0 ? xml.lineBreak() + indentOrNothing(parent) : "";
    }

    /** The file's indentation per level, as the children of {@code element} are indented from it. */
    private String unit(XmlText.Element element) {
        String own = indentOrNothing(element);
        String children = xml.childIndent(element);
        return children.startsWith(own) && children.length() > own.length() ? children.substring(own.length())
                                                                             : XmlText.UNIT;
    }
}
