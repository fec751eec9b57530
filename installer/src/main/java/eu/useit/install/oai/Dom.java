/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install.oai;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * The few DOM operations the merge needs: children by local name (XOAI ignores namespaces, so do we), and
 * insertion of an element at its place in a parent with the indentation of its new siblings.
 */
final class Dom {

    /** Indentation added per level when a parent has no child to copy it from. */
    private static final String UNIT = "    ";

    private Dom() {
    }

    /**
     * @param element an element
     * @return its local name (its name, if it was not parsed namespace-aware)
     */
    static String name(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    /**
     * @param parent an element
     * @return its element children, in document order
     */
    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /**
     * @param parent an element
     * @param name   a local name
     * @return its element children of that name, in document order
     */
    static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Element child : children(parent)) {
            if (name.equals(name(child))) {
                children.add(child);
            }
        }
        return children;
    }

    /**
     * @param parent an element
     * @param name   a local name
     * @return its first element child of that name, or null
     */
    static Element child(Element parent, String name) {
        List<Element> children = children(parent, name);
        return children.isEmpty() ? null : children.get(0);
    }

    /**
     * @param parent an element
     * @param name   a local name
     * @return the trimmed text of its first child of that name, or "" if there is none
     */
    static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? "" : child.getTextContent().strip();
    }

    /**
     * @param element an element
     * @return its {@code ref} attribute, trimmed
     */
    static String ref(Element element) {
        return element.getAttribute("ref").strip();
    }

    /**
     * @param element an element
     * @return its {@code id} attribute, trimmed
     */
    static String id(Element element) {
        return element.getAttribute("id").strip();
    }

    /**
     * The comment written just before an element (only blanks between them), which describes it.
     *
     * @param element an element
     * @return the comment, or null
     */
    static Comment leadingComment(Element element) {
        Node before = element.getPreviousSibling();
        while (before instanceof Text text && text.getData().isBlank()) {
            before = before.getPreviousSibling();
        }
        return before instanceof Comment comment ? comment : null;
    }

    /**
     * @param node a node
     * @return the blanks its line starts with (what follows the last line break of the blank text before it)
     */
    static String indentOf(Node node) {
        Node before = node.getPreviousSibling();
        if (before instanceof Text text && text.getData().isBlank()) {
            String blanks = text.getData();
            int lineBreak = blanks.lastIndexOf('\n');
            return lineBreak < 0 ? "" : blanks.substring(lineBreak + 1);
        }
        return "";
    }

    /**
     * @param parent an element
     * @return the indentation of its children (that of its first child element, else its own plus four spaces)
     */
    static String childIndent(Element parent) {
        List<Element> children = children(parent);
        return children.isEmpty() ? indentOf(parent) + UNIT : indentOf(children.get(0));
    }

    /**
     * Copies an element (and the comment describing it, if any) from another document, indented for its place in
     * {@code parent}, in the namespace of {@code parent}.
     *
     * @param element the element to copy
     * @param parent  the element it is meant for
     * @return the copies, not yet inserted: the comment (if any), then the element
     */
    static List<Node> copy(Element element, Element parent) {
        Document target = parent.getOwnerDocument();
        String from = indentOf(element);
        String to = childIndent(parent);
        List<Node> copies = new ArrayList<>();
        Comment comment = leadingComment(element);
        if (comment != null) {
            copies.add(target.createComment(reindent(comment.getData(), from, to)));
        }
        Element copy = (Element) target.importNode(element, true);
        reindentTree(copy, from, to);
        copies.add(inNamespace(copy, element.getNamespaceURI(), parent));
        return copies;
    }

    /**
     * Creates an empty element named like XOAI's, in the namespace of {@code parent}.
     *
     * @param parent the element it is meant for
     * @param name   its local name
     * @return the element, not yet inserted
     */
    static Element create(Element parent, String name) {
        String prefix = parent.getPrefix();
        return parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(),
                                                         prefix == null ? name : prefix + ":" + name);
    }

    /**
     * Inserts nodes as children of {@code parent}, each on a line of its own with the indentation of its new
     * siblings: after the last child whose name comes at or before {@code name} in {@code order}, else before the
     * first child (and before the comment describing it), else as the only content of {@code parent}.
     *
     * @param parent the element to insert into
     * @param nodes  the nodes: an element, possibly preceded by its comment
     * @param name   the local name of the inserted element
     * @param order  the local names of {@code parent}'s children in the order XOAI reads them
     */
    static void insert(Element parent, List<Node> nodes, String name, List<String> order) {
        String indent = childIndent(parent);
        int rank = order.indexOf(name);
        Element after = null;
        Element before = null;
        for (Element child : children(parent)) {
            int childRank = order.indexOf(name(child));
            if (childRank >= 0 && childRank <= rank) {
                after = child;
            } else if (before == null && after == null) {
                before = child;
            }
        }
        Document document = parent.getOwnerDocument();
        if (after != null) {
            Node next = after.getNextSibling();
            for (Node node : nodes) {
                parent.insertBefore(document.createTextNode("\n" + indent), next);
                parent.insertBefore(node, next);
            }
        } else if (before != null) {
            Comment comment = leadingComment(before);
            Node next = comment != null ? comment : before;
            for (Node node : nodes) {
                parent.insertBefore(node, next);
                parent.insertBefore(document.createTextNode("\n" + indent), next);
            }
        } else {
            String closing = "\n" + indentOf(parent);
            Node last = parent.getLastChild();
            if (last instanceof Text text && text.getData().isBlank()) {
                parent.removeChild(last);
            }
            for (Node node : nodes) {
                parent.appendChild(document.createTextNode("\n" + indent));
                parent.appendChild(node);
            }
            parent.appendChild(document.createTextNode(closing));
        }
    }

    private static void reindentTree(Node node, String from, String to) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text text && text.getData().isBlank()) {
                text.setData(reindent(text.getData(), from, to));
            } else if (child instanceof Comment comment) {
                comment.setData(reindent(comment.getData(), from, to));
            } else {
                reindentTree(child, from, to);
            }
        }
    }

    private static String reindent(String text, String from, String to) {
        if (from.equals(to)) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        out.append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            out.append('\n').append(line.startsWith(from) ? to + line.substring(from.length()) : line);
        }
        return out.toString();
    }

    private static Element inNamespace(Element element, String from, Element parent) {
        String to = parent.getNamespaceURI();
        if (from == null ? to == null : from.equals(to)) {
            return element;
        }
        Document document = parent.getOwnerDocument();
        String prefix = parent.getPrefix();
        Element renamed = element;
        if (from == null ? element.getNamespaceURI() == null : from.equals(element.getNamespaceURI())) {
            renamed = (Element) document.renameNode(element, to,
                                                    prefix == null ? name(element) : prefix + ":" + name(element));
        }
        for (Element child : children(renamed)) {
            inNamespace(child, from, parent);
        }
        return renamed;
    }
}
