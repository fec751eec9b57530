/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import eu.useit.dspace.access.ReadPolicies;
import org.dspace.authorize.ResourcePolicy;
import org.dspace.content.Bitstream;
import org.dspace.content.Bundle;
import org.dspace.content.Item;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.discovery.FullTextContentStreams;
import org.dspace.eperson.Group;

/**
 * Which extracted texts (the files of an item's TEXT bundle, written by DSpace's {@code filter-media}) an item's
 * search document may hold. A document is found by everyone who may READ the item, and a search for a phrase tells
 * them whether the document holds it; so a text is searchable only when <em>everyone who may read the item may read
 * it</em>: the text file, the file it was extracted from (the ORIGINAL file whose name plus {@code .txt} is the
 * text's name, as {@code filter-media} names it; a text without one is not searchable), and a bundle of each (the
 * most open: a file's access as {@link eu.useit.dspace.access.AnonymousAccess#file} reads it). The text of a
 * restricted or embargoed file is not searchable, even when {@code filter-media} made its text open or the file was
 * restricted after its text was made.
 * <p>
 * Decided from the READ policies valid today, never by asking whether the context's user may read: a document is
 * the same whoever writes it. A reader is covered by a policy of the same group or e-person, of a group it belongs
 * to, or of the Anonymous group (or a group the Anonymous group belongs to). Administrators may read every file: an
 * item only they may read has all its texts searchable.
 */
public final class FullTextFiles {

    private final ReadPolicies reads;

    /**
     * @param reads the READ policies
     */
    public FullTextFiles(ReadPolicies reads) {
        this.reads = reads;
    }

    /**
     * @param context a DSpace context (any user, authorisation on or off: the answer is the same)
     * @param item    an item
     * @return the files of its TEXT bundles whose text everyone who may read the item may read, in bundle order
     * @throws SQLException on database failure
     */
    public List<Bitstream> searchable(Context context, Item item) throws SQLException {
        return chosen(context, item, FullTextContentStreams.FULLTEXT_BUNDLE,
                      (check, text) -> check.everyReaderMay(text) && check.sourcesOpen(item, text));
    }

    /**
     * The same rule for the deposited files themselves, whose names and descriptions DSpace's
     * {@code SolrServiceFileInfoPlugin} indexes.
     *
     * @param context a DSpace context (any user, authorisation on or off: the answer is the same)
     * @param item    an item
     * @return the files of its ORIGINAL bundles that everyone who may read the item may read, in bundle order
     * @throws SQLException on database failure
     */
    public List<Bitstream> readable(Context context, Item item) throws SQLException {
        return chosen(context, item, Constants.CONTENT_BUNDLE_NAME, Check::everyReaderMay);
    }

    /** The files of the item's bundles of a name that pass a test (the item's readers are read once). */
    private List<Bitstream> chosen(Context context, Item item, String bundleName, FileTest test)
        throws SQLException {
        List<Bitstream> chosen = new ArrayList<>();
        List<Bundle> bundles = item.getBundles(bundleName);
        if (bundles.isEmpty()) {
            return chosen;
        }
        Check check = check(context, item);
        for (Bundle bundle : bundles) {
            for (Bitstream file : bundle.getBitstreams()) {
                if (test.passes(check, file)) {
                    chosen.add(file);
                }
            }
        }
        return chosen;
    }

    /** A test of one file against an item's readers. */
    private interface FileTest {
        boolean passes(Check check, Bitstream file) throws SQLException;
    }

    /** The item's readers, but administrators (who may read every file: they need no covering). */
    private Check check(Context context, Item item) throws SQLException {
        Check check = new Check(context, reads.group(context, Group.ANONYMOUS));
        Group administrators = reads.group(context, Group.ADMIN);
        for (ResourcePolicy reader : reads.validOf(context, item)) {
            if (reader.getGroup() == null || !reader.getGroup().equals(administrators)) {
                check.readers.add(reader);
            }
        }
        return check;
    }

    /** As {@code filter-media} names a text: its source's name and {@code .txt}. */
    private static boolean isSourceOf(Bitstream file, Bitstream text) {
        return file.getName() != null && text.getName() != null
            && (file.getName().trim() + ".txt").equals(text.getName().trim());
    }

    /** The check of one item's texts: its readers, and the Anonymous group, looked up once. */
    private final class Check {

        private final Context context;
        private final Group anonymous;
        private final List<ResourcePolicy> readers = new ArrayList<>();

        Check(Context context, Group anonymous) {
            this.context = context;
            this.anonymous = anonymous;
        }

        /**
         * Whether the text has a source (none: a text renamed, or not made by {@code filter-media}, whose source
         * cannot be told, is not searchable) and every reader may read each.
         */
        boolean sourcesOpen(Item item, Bitstream text) throws SQLException {
            boolean found = false;
            for (Bundle bundle : item.getBundles(Constants.CONTENT_BUNDLE_NAME)) {
                for (Bitstream file : bundle.getBitstreams()) {
                    if (isSourceOf(file, text)) {
                        if (!everyReaderMay(file)) {
                            return false;
                        }
                        found = true;
                    }
                }
            }
            return found;
        }

        /**
         * Whether every reader may read the file and one of its bundles (the most open one, as
         * {@link eu.useit.dspace.access.AnonymousAccess#file} reads a file's access).
         */
        boolean everyReaderMay(Bitstream file) throws SQLException {
            if (!covered(reads.validOf(context, file))) {
                return false;
            }
            for (Bundle bundle : file.getBundles()) {
                if (covered(reads.validOf(context, bundle))) {
                    return true;
                }
            }
            return file.getBundles().isEmpty();
        }

        private boolean covered(List<ResourcePolicy> grants) throws SQLException {
            for (ResourcePolicy reader : readers) {
                boolean covered = false;
                for (ResourcePolicy grant : grants) {
                    if (covers(grant, reader)) {
                        covered = true;
                        break;
                    }
                }
                if (!covered) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether a READ policy of a file lets in everyone a READ policy of the item lets in. An account's groups
         * are its stored memberships, never the special groups of a login (who writes the document is no reader).
         */
        private boolean covers(ResourcePolicy grant, ResourcePolicy reader) throws SQLException {
            Group granted = grant.getGroup();
            if (granted != null && (Group.ANONYMOUS.equals(granted.getName())
                || reads.includes(context, granted, anonymous))) {
                return true;
            }
            if (reader.getGroup() != null) {
                return within(reader.getGroup(), granted);
            }
            if (reader.getEPerson().equals(grant.getEPerson())) {
                return true;
            }
            for (Group own : reader.getEPerson().getGroups()) {
                if (within(own, granted)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether every member of {@code group} is in {@code granted}: the same group, or one of its members. */
        private boolean within(Group group, Group granted) throws SQLException {
            return reads.includes(context, granted, group);
        }
    }
}
