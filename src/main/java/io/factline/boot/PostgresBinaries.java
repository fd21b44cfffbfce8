package io.factline.boot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

/**
 * The PostgreSQL programs, unpacked from the platform's archive on the class path (Maven Central's
 * {@code io.zonky.test.postgres} artifacts).
 *
 * @param home the unpacked installation, holding {@code bin/}
 */
record PostgresBinaries(Path home) {

    /**
     * Unpacks the archive into {@code folder/pg-<hash of its content>}, once: servers of the same
     * version share it, and a new version gets a folder of its own.
     */
    static PostgresBinaries unpack(Path folder) throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(operatingSystem(), architecture())) {
            archive = in.readAllBytes();
        }
        Path home = folder.resolve("pg-" + sha256(archive).substring(0, 16));
        if (Files.isExecutable(home.resolve("bin/postgres"))) {
            return new PostgresBinaries(home);
        }
        Files.createDirectories(folder);
        // unpacked aside and renamed: a crash half way, or another process unpacking too, leaves no half-made home
        Path scratch = folder.resolve(home.getFileName() + ".unpacking-" + UUID.randomUUID());
        extract(archive, scratch);
        try {
            Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherProcessWasFirst) {
            Folders.deleteTree(scratch);
        }
        return new PostgresBinaries(home);
    }

    /** The path of one of the programs in {@code bin/}, as a command line wants it. */
    String program(String name) {
        return home.resolve("bin").resolve(name).toString();
    }

    private static void extract(byte[] archive, Path scratch) throws IOException {
        try (XZInputStream xz = new XZInputStream(new ByteArrayInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = scratch.resolve(entry.getName()).normalize();
                if (!target.startsWith(scratch)) {
                    throw new IOException("archive entry escapes its folder: " + entry.getName());
                }
                Files.createDirectories(entry.isDirectory() ? target : target.getParent());
                if (entry.isSymbolicLink()) {
                    if (!target.getParent().resolve(entry.getLinkName()).normalize().startsWith(scratch)) {
                        throw new IOException("archive link points outside its folder: " + entry.getName());
                    }
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Path linked = scratch.resolve(entry.getLinkName()).normalize();
                    if (!linked.startsWith(scratch)) {
                        throw new IOException("archive link points outside its folder: " + entry.getName());
                    }
                    Files.createLink(target, linked);
                } else if (entry.isFile()) {
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
        // every folder readable and searchable: the server may run as another user than the one unpacking
        try (Stream<Path> dirs = Files.walk(scratch)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, permissions(0755));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    private static String operatingSystem() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("linux")) {
            return "Linux";
        }
        if (name.contains("mac")) {
            return "Darwin";
        }
        throw new IllegalStateException("no embedded PostgreSQL for " + System.getProperty("os.name")
                + "; configure a database URL instead");
    }

    private static String architecture() {
        // the archives are named the way uname names it; the JVM says amd64
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
