/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The elements of an XML file with where each one is in its text, so that a merge can add or replace elements
 * by editing the text ({@link Splices}) and leave every other byte of a site's file as it was: comments,
 * DOCTYPE, blank lines, attribute quoting, empty-element forms. The text must have been checked to be
 * well-formed first ({@link XmlFiles#parse}); this reader only finds where things are.
 */
final class XmlText {

    /** Indentation added per level when a parent has no child to copy it from. */
    static final String UNIT = "    ";

    /** An element: its name, attributes, children and where it is. */
    static final class Element {

        private final String name;
        private final Map<String, String> attributes;
        private final int start;
        private final List<Element> children = new ArrayList<>();
        private int startTagEnd;
        private int contentEnd;
        private int end;
        private boolean empty;

        private Element(String name, Map<String, String> attributes, int start) {
            this.name = name;
            this.attributes = attributes;
            this.start = start;
        }

        /**
         * @return the element's local name (without a namespace prefix)
         */
        String name() {
            int colon = name.indexOf(':');
            return colon < 0 ? name : name.substring(colon + 1);
        }

        /**
         * @return the name as written, with its prefix if any
         */
        String qualifiedName() {
            return name;
        }

        /**
         * @param attribute an attribute name, as written
         * @return its value (entities decoded, trimmed), or null when the element does not have it
         */
        String attribute(String attribute) {
            String value = attributes.get(attribute);
            return value == null ? null : value.strip();
        }

        /**
         * @return the element children, in document order
         */
        List<Element> children() {
            return Collections.unmodifiableList(children);
        }

        /**
         * @param local a local name
         * @return the element children of that name, in document order
         */
        List<Element> children(String local) {
            List<Element> found = new ArrayList<>();
            for (Element child : children) {
                if (child.name().equals(local)) {
                    found.add(child);
                }
            }
            return found;
        }

        /**
         * @param local a local name
         * @return the first element child of that name, or null
         */
        Element child(String local) {
            List<Element> found = children(local);
            return found.isEmpty() ? null : found.get(0);
        }

        /**
         * @return where the element starts (its {@code <})
         */
        int start() {
            return start;
        }

        /**
         * @return where its content starts (after the start tag)
         */
        int startTagEnd() {
            return startTagEnd;
        }

        /**
         * @return where its content ends (its end tag's {@code <}; the start tag's end for an empty element)
         */
        int contentEnd() {
            return contentEnd;
        }

        /**
         * @return where the element ends (after its end tag)
         */
        int end() {
            return end;
        }

        /**
         * @return whether it is written as an empty-element tag ({@code <a/>})
         */
        boolean empty() {
            return empty;
        }
    }

    private final String text;
    private final Element root;

    private XmlText(String text, Element root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Finds the elements of a well-formed XML text.
     *
     * @param text the XML text
     * @return the elements, from the root
     * @throws IllegalArgumentException if the text has no root element or its tags do not nest
     */
    static XmlText of(String text) {
        Deque<Element> open = new ArrayDeque<>();
        Element root = null;
        int at = 0;
        int length = text.length();
        while (at < length) {
            if (text.charAt(at) != '<') {
                int next = text.indexOf('<', at);
                at = next < 0 ? length : next;
            } else if (text.startsWith("<!--", at)) {
                at = after(text, at + 4, "-->");
            } else if (text.startsWith("<![CDATA[", at)) {
                at = after(text, at + 9, "]]>");
            } else if (text.startsWith("<?", at)) {
                at = after(text, at + 2, "?>");
            } else if (text.startsWith("<!", at)) {
                at = declarationEnd(text, at);
            } else if (text.startsWith("</", at)) {
                if (open.isEmpty()) {
                    throw new IllegalArgumentException("an end tag without a start tag at offset " + at);
                }
                Element closed = open.pop();
                closed.contentEnd = at;
                closed.end = after(text, at + 2, ">");
                at = closed.end;
            } else {
                Element element = startTag(text, at);
                if (open.isEmpty()) {
                    if (root != null) {
                        throw new IllegalArgumentException("a second root element at offset " + at);
                    }
                    root = element;
                } else {
                    open.peek().children.add(element);
                }
                if (element.empty) {
                    element.contentEnd = element.startTagEnd;
                    element.end = element.startTagEnd;
                } else {
                    open.push(element);
                }
                at = element.startTagEnd;
            }
        }
        if (root == null || !open.isEmpty()) {
            throw new IllegalArgumentException("not a complete XML document");
        }
        return new XmlText(text, root);
    }

    /**
     * @return the text
     */
    String text() {
        return text;
    }

    /**
     * @return the root element
     */
    Element root() {
        return root;
    }

    /**
     * @return the file's line break: CRLF if it has any, else LF
     */
    String lineBreak() {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    /**
     * @param element an element of this text
     * @return its text, from its start tag to its end tag
     */
    String source(Element element) {
        return text.substring(element.start, element.end);
    }

    /**
     * @param element an element of this text that holds only text
     * @return that text, trimmed (markup, if any, included as written)
     */
    String content(Element element) {
        return element.empty ? "" : text.substring(element.startTagEnd, element.contentEnd).strip();
    }

    /**
     * @param element an element of this text
     * @param local   a local name
     * @return its descendants of that name, in document order
     */
    static List<Element> descendants(Element element, String local) {
        List<Element> found = new ArrayList<>();
        for (Element child : element.children) {
            if (child.name().equals(local)) {
                found.add(child);
            }
            found.addAll(descendants(child, local));
        }
        return found;
    }

    /**
     * @param element an element of this text
     * @return where the comment just before it starts (only blanks between them), or -1 when there is none
     */
    int leadingComment(Element element) {
        int at = element.start;
        while (at > 0 && isBlank(text.charAt(at - 1))) {
            at--;
        }
        if (!text.startsWith("-->", at - 3)) {
            return -1;
        }
        return text.lastIndexOf("<!--", at - 3);
    }

    /**
     * @param element an element of this text
     * @return the blanks its line starts with, if only blanks come before it on its line; else null
     */
    String indentOf(Element element) {
        int lineStart = element.start;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        String before = text.substring(lineStart, element.start);
        return before.isBlank() ? before : null;
    }

    /**
     * @param parent an element of this text
     * @return the indentation of its children: that of its first child on a line of its own, else its own plus
     *         {@link #UNIT}
     */
    String childIndent(Element parent) {
        for (Element child : parent.children) {
            String indent = indentOf(child);
            if (indent != null) {
                return indent;
            }
        }
        String own = indentOf(parent);
        return (own == null ? "" : own) + UNIT;
    }

    private static Element startTag(String text, int start) {
        int at = start + 1;
        int nameEnd = at;
        while (nameEnd < text.length() && !isBlank(text.charAt(nameEnd)) && text.charAt(nameEnd) != '>'
            && text.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        String name = text.substring(at, nameEnd);
        Map<String, String> attributes = new LinkedHashMap<>();
        at = nameEnd;
        while (true) {
            while (at < text.length() && isBlank(text.charAt(at))) {
                at++;
            }
            if (at >= text.length()) {
                throw new IllegalArgumentException("an unterminated start tag at offset " + start);
            }
            char c = text.charAt(at);
            if (c == '>' || c == '/') {
                Element element = new Element(name, attributes, start);
                element.empty = c == '/';
                element.startTagEnd = after(text, at, ">");
                return element;
            }
            int equals = text.indexOf('=', at);
            String attribute = text.substring(at, equals).strip();
            at = equals + 1;
            while (isBlank(text.charAt(at))) {
                at++;
            }
            char quote = text.charAt(at);
            int close = text.indexOf(quote, at + 1);
            attributes.put(attribute, decode(text.substring(at + 1, close)));
            at = close + 1;
        }
    }

    /** Where a markup declaration ({@code <!DOCTYPE ... [ ... ]>}) ends: its {@code >} outside quotes and []. */
    private static int declarationEnd(String text, int start) {
        int depth = 0;
        char quote = 0;
        for (int at = start + 2; at < text.length(); at++) {
            char c = text.charAt(at);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (depth > 0 && text.startsWith("<!--", at)) {
                at = after(text, at + 4, "-->") - 1;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth == 0) {
                return at + 1;
            }
        }
        throw new IllegalArgumentException("an unterminated declaration at offset " + start);
    }

    private static int after(String text, int from, String end) {
        int at = text.indexOf(end, from);
        if (at < 0) {
            throw new IllegalArgumentException("no '" + end + "' after offset " + from);
        }
        return at + end.length();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** The value of an attribute as written: the five predefined entities and character references decoded. */
    private static String decode(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < value.length()) {
            char c = value.charAt(at);
            int semicolon = c == '&' ? value.indexOf(';', at) : -1;
            if (semicolon < 0) {
                out.append(c);
                at++;
                continue;
            }
            String entity = value.substring(at + 1, semicolon);
            switch (entity) {
                case "amp" -> out.append('&');
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> {
                    if (entity.startsWith("#x")) {
                        out.appendCodePoint(Integer.parseInt(entity.substring(2), 16));
                    } else if (entity.startsWith("#")) {
                        out.appendCodePoint(Integer.parseInt(entity.substring(1)));
                    } else {
                        out.append('&').append(entity).append(';');
                    }
                }
            }
            at = semicolon + 1;
        }
        return out.toString();
    }
}
