/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading a site's file, with one-line messages that name it as reports do.
 */
final class SiteFiles {

    private SiteFiles() {
    }

    /**
     * @param file the file
     * @param name the file as reports name it
     * @return its content, or null when there is no such file
     * @throws InstallException if it exists but cannot be read
     */
    static byte[] readIfThere(Path file, String name) throws InstallException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new InstallException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
