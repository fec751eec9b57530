/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.nio.file.Path;
import java.util.List;

/**
 * A file the install writes: its new content and the lines that say why.
 *
 * @param file    the file, absolute
 * @param name    the file as reports name it, relative to the DSpace home ({@code config/modules/useit.cfg})
 * @param content its new content
 * @param changes one line per change made to it
 */
public record FileChange(Path file, String name, byte[] content, List<String> changes) {

    /**
     * @param file    the file, absolute
     * @param name    the file relative to the DSpace home
     * @param content its new content
     * @param changes one line per change made to it
     */
    public FileChange {
        changes = List.copyOf(changes);
    }
}
