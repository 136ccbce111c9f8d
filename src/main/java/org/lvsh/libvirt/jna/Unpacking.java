package org.lvsh.libvirt.jna;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where JNA unpacks its native library (libjnidispatch, from the jar) when the launcher has no unpacked copy for
 * it (no class-data archive yet). JNA uses the user's cache ($XDG_CACHE_HOME/JNA/temp) and, when that directory
 * is on a full file system, fails, and every JNA call after it fails too: lvsh then could not run a command.
 * Decided before JNA loads (a failed load cannot be retried): when the cache has no room, the jar's copy goes to a
 * private directory (0700, made here under a random name, so no other user can have placed it) under
 * $XDG_RUNTIME_DIR or java.io.tmpdir, and a warning says why, once.
 */
public final class Unpacking {
    /** libjnidispatch is some 130-160 KiB: less than this free means its unpacking would fail. */
    static final long ROOM = 1 << 20;

    private Unpacking() {
    }

    /** Sets jna.tmpdir when JNA's own choice has no room; {@code warn} receives the one line saying so. */
    public static void prepare(Map<String, String> env, Consumer<String> warn) {
        if (System.getProperty("jna.tmpdir") != null
                || System.getProperty("jna.boot.library.path") != null && Boolean.getBoolean("jna.nounpack")) {
            return; // chosen by the user, or an unpacked copy from the launcher
        }
        File jnaDir = jnaChoice(env);
        if (jnaDir.getUsableSpace() >= ROOM) {
            return;
        }
        for (String base : new String[] {env.get("XDG_RUNTIME_DIR"), System.getProperty("java.io.tmpdir")}) {
            Path dir = privateDirectory(base);
            if (dir != null) {
                System.setProperty("jna.tmpdir", dir.toString());
                dir.toFile().deleteOnExit(); // JNA deletes the library it unpacked there once loaded
                warn.accept("warning: no room in " + jnaDir + " to unpack JNA's native library (the file system is "
                        + "full); using the jar's copy from " + dir);
                return;
            }
        }
        warn.accept("warning: no room in " + jnaDir + " to unpack JNA's native library (the file system is full), "
                + "nor in a private temporary directory");
    }

    /** The directory JNA 5 unpacks into on Linux, or the temporary directory it falls back to. */
    static File jnaChoice(Map<String, String> env) {
        String cache = env.get("XDG_CACHE_HOME");
        File base = cache == null || cache.isBlank() ? new File(System.getProperty("user.home"), ".cache")
                : new File(cache);
        File dir = new File(base, "JNA/temp");
        File existing = dir;
        while (existing != null && !existing.exists()) {
            existing = existing.getParentFile();
        }
        // JNA creates what is missing, and takes java.io.tmpdir when it cannot or may not write there
        if (existing == null || !existing.isDirectory() || !existing.canWrite()) {
            return new File(System.getProperty("java.io.tmpdir"));
        }
        return existing;
    }

    /** A new directory only this user can enter, under {@code base} if that is a directory with room. */
    private static Path privateDirectory(String base) {
        if (base == null || base.isEmpty()) {
            return null;
        }
        Path parent = Paths.get(base);
        try {
            if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(parent)
                    || parent.toFile().getUsableSpace() < ROOM) {
                return null;
            }
            return Files.createTempDirectory(parent, "lvsh-jna-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
