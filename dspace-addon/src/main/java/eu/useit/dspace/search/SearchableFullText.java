/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.content.Bitstream;
import org.dspace.content.Item;
import org.dspace.core.Context;
import org.dspace.discovery.FullTextContentStreams;
import org.dspace.storage.bitstore.service.BitstreamStorageService;

/**
 * The full text DSpace's item indexing writes into an item's search document, made of the files
 * {@link FullTextFiles} chose and of no other (DSpace's own class takes every file of the TEXT bundle).
 * <p>
 * The files are opened from the store directly, when it is made: which files may be read was decided by
 * {@link FullTextFiles} from the policies, so the text does not depend on who the context's user is (DSpace's own
 * read would fail for an anonymous indexer and put the error's message into the text). A file that cannot be opened
 * (missing from the store) is left out, with a warning; {@link #files()} names those that are in.
 */
public final class SearchableFullText extends FullTextContentStreams {

    private static final Logger log = LogManager.getLogger(SearchableFullText.class);

    private final List<Bitstream> files;
    private final List<InputStream> parts;

    private SearchableFullText(Context context, Item item, List<Bitstream> files, List<InputStream> parts)
        throws SQLException {
        // no item: DSpace's constructor collects nothing; the files are ours
        super(context, null);
        this.files = List.copyOf(files);
        this.parts = parts;
        sourceInfo = item.getHandle();
        contentType = "text/plain";
    }

    /**
     * @param context a DSpace context
     * @param item    the item
     * @param files   the files whose text the document may hold ({@link FullTextFiles#searchable})
     * @param store   where files are kept
     * @return their text, of those that could be opened
     * @throws SQLException on database failure
     */
    public static SearchableFullText open(Context context, Item item, List<Bitstream> files,
                                          BitstreamStorageService store) throws SQLException {
        List<Bitstream> opened = new ArrayList<>();
        List<InputStream> parts = new ArrayList<>();
        for (Bitstream file : files) {
            try {
                InputStream text = store.retrieve(context, file);
                parts.add(new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)));
                parts.add(text);
                opened.add(file);
            } catch (IOException | RuntimeException e) {
                log.warn("The text file {} of item {} cannot be read from the store; its text is not indexed: {}",
                         file.getID(), item.getHandle(), e.getMessage());
            }
        }
        return new SearchableFullText(context, item, opened, parts);
    }

    /**
     * @return the files whose text this is
     */
    public List<Bitstream> files() {
        return files;
    }

    @Override
    public boolean isEmpty() {
        return files.isEmpty();
    }

    @Override
    public String getName() {
        List<String> names = new ArrayList<>();
        for (Bitstream file : files) {
            names.add(file.getName() == null ? "" : file.getName().trim());
        }
        return String.join(";", names);
    }

    @Override
    public Long getSize() {
        long size = 0;
        for (Bitstream file : files) {
            size += file.getSizeBytes();
        }
        return size;
    }

    /**
     * @return the texts one after the other, each after a line break (closing it closes every file)
     */
    @Override
    public InputStream getStream() {
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    /**
     * Closes the files, whether they were read or not.
     *
     * @throws IOException if a file cannot be closed
     */
    public void close() throws IOException {
        getStream().close();
    }
}
