package dev.taproot.graph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps Taproot's data (graph, index, journal) readable by its owner only: the data directory and
 * everything in it become {@code 700} (directories) and {@code 600} (files). Files created later inside
 * are out of other users' reach because the directory is {@code 700}; the launcher also runs Java
 * with {@code umask 077}. On a file system without POSIX permissions this does nothing.
 */
public final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code dir} if needed and makes it and its contents owner-only. */
    public static void secure(Path dir) {
        try {
            Files.createDirectories(dir);
            if (!posix()) {
                return;
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    if (!Files.isSymbolicLink(p)) {
                        Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIRECTORY : FILE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + dir + " owner-only: "
                    + ErrorMessages.describe(e), e);
        }
    }

    /** Whether group or others may read or write {@code file} (false where permissions are not POSIX). */
    public static boolean sharedWithOthers(Path file) throws IOException {
        if (!posix()) {
            return false;
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.GROUP_WRITE)
                || p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
