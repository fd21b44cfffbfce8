package io.factline.boot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process at a time per data folder. Holding it is what lets a start take a server it finds
 * running there for the orphan of a process that died, and stop it.
 */
final class FolderLock {

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws IllegalStateException when another process holds the folder
     * @throws java.nio.channels.OverlappingFileLockException when this process already holds it
     */
    static FolderLock take(Path root) throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve("embedded.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the embedded PostgreSQL in " + root
                    + " is in use by another process; stop it, or give this one another data folder");
        }
        return new FolderLock(channel, lock);
    }

    void release() throws IOException {
        lock.release();
        channel.close();
    }
}
