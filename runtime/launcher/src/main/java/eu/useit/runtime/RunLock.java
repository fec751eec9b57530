/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The mark of a running repository on its data directory ({@code run.lock}, locked by the operating system for as
 * long as the repository runs, released even when its process is killed). A second repository on the same data
 * refuses to start; a command beside a running repository ({@code ./useit dspace}) leaves the repository's files
 * as they are, so that the repository never sees its configuration change under it.
 */
public final class RunLock implements AutoCloseable {

    private static final String FILE = "run.lock";

    private final FileLock lock;

    private RunLock(FileLock lock) {
        this.lock = lock;
    }

    /**
     * @param dataDir the data directory
     * @return the lock, held until closed
     * @throws StartupException if another repository runs on this data directory
     */
    public static RunLock acquire(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE,
                                                   StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new StartupException("useit.data.dir=" + dataDir + ": a repository already runs on this data "
                                               + "directory");
            }
            return new RunLock(lock);
        } catch (IOException e) {
            throw new StartupException("useit.data.dir=" + dataDir + ": cannot lock the data directory: "
                                           + StartupException.rootMessage(e), e);
        }
    }

    /**
     * @param dataDir a data directory
     * @return whether a repository runs on it now
     */
    public static boolean running(Path dataDir) {
        if (!Files.exists(dataDir.resolve(FILE))) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // held by this very process
            return null;
        }
    }

    /**
     * Releases the lock.
     */
    @Override
    public void close() {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            // the process ends anyway
        }
    }
}
