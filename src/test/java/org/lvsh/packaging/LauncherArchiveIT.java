package org.lvsh.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Run;

/**
 * The launcher's class-data archive: recorded in the background on first use, in the cache it is told, and
 * without touching what the user asked libvirt to log (the training runs dozens of commands of its own).
 */
class LauncherArchiveIT {
    @TempDir
    Path dir;

    @Test
    void firstUseRecordsAnArchiveAndTheUsersLibvirtLogHoldsOnlyTheirCommand() throws Exception {
        Path cache = dir.resolve("cache");
        Path log = dir.resolve("libvirt.log");
        Map<String, String> env = Map.of("LVSH_CACHE_DIR", cache.toString(),
                "LIBVIRT_LOG_FILTERS", "1:util.object", "LIBVIRT_LOG_OUTPUTS", "1:file:" + log);
        // archives of other lvsh jars: one used lately (another install, or one starting right now), one stale
        Path recent = Files.createDirectories(cache.resolve("1-2-3-4/jna"));
        Path stale = Files.createDirectories(cache.resolve("5-6-7-8/jna"));
        Files.setLastModifiedTime(stale.getParent(), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Run.Result first = Run.launcher("", env, "-c", "test:///default", "uri");
        assertEquals("test:///default\n\n", first.out(), first.err());
        Path archive = awaitArchive(cache);
        assertTrue(Files.isDirectory(recent), "an archive of another jar in use lately stays");
        assertFalse(Files.exists(stale.getParent()), "a day-old archive of another jar goes");
        assertTrue(Files.size(archive) > 1_000_000, "archive " + archive + ": " + Files.size(archive) + " bytes");
        // one command, one connection: the recorder's own connections (dozens) are not in the user's log
        assertEquals(1, count(log, "classname=virConnect"), "connections in the user's log");

        Run.Result second = Run.launcher("", env, "-c", "test:///default", "uri");
        assertEquals("test:///default\n\n", second.out(), second.err());
        assertEquals(2, count(log, "classname=virConnect"), "connections in the user's log");
    }

    /**
     * A cache on a full file system and no archive yet: JNA cannot unpack its library there. lvsh runs anyway,
     * from the jar's copy unpacked in a private directory (0700) under $XDG_RUNTIME_DIR, says why in one line, and
     * records no archive it has no room for. A full file system needs a mount: root only.
     */
    @Test
    void aFullCacheRunsWithoutTheArchiveFromTheJarsOwnCopy() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            if ("1".equals(System.getenv("LVSH_REQUIRE_ROOT_TESTS"))) {
                org.junit.jupiter.api.Assertions.fail("a full file system needs root (a tmpfs mount), and "
                        + "LVSH_REQUIRE_ROOT_TESTS=1 requires this test");
            }
            org.junit.jupiter.api.Assumptions.abort("a full file system needs root (a tmpfs mount)");
        }
        Path full = Files.createDirectories(dir.resolve("full"));
        Path runtime = Files.createDirectory(dir.resolve("runtime"), java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        assertEquals(0, Run.process(List.of("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", full.toString()), "",
                Map.of()).status());
        try {
            Run.process(List.of("dd", "if=/dev/zero", "of=" + full.resolve("filler"), "bs=4k"), "", Map.of());
            Map<String, String> env = Map.of("XDG_CACHE_HOME", full.toString(), "XDG_RUNTIME_DIR",
                    runtime.toString());
            String warning = "warning: no room in " + full + " to unpack JNA's native library \\(the file system "
                    + "is full\\); using the jar's copy from " + runtime + "/lvsh-jna-\\d+\n";
            Run.Result oneShot = Run.launcher("", env, "-c", "test:///default", "uri; hostname");
            assertEquals("test:///default\n\nvm\n\n", oneShot.out(), oneShot.err());
            assertTrue(oneShot.err().matches(warning), oneShot.err());
            assertEquals(0, oneShot.status());
            Run.Result script = Run.launcher("uri\nhostname\n", env, "-c", "test:///default");
            assertEquals("test:///default\n\nvm\n\n", script.out(), script.err());
            assertTrue(script.err().matches(warning), script.err());
            assertEquals(0, script.status());
            try (org.lvsh.support.Pty shell = org.lvsh.support.Pty.start(org.lvsh.support.Project.launcher()
                    + " -c test:///default", env)) {
                shell.expect("lvsh \\(test:///default\\) # \\z");
                shell.type("hostname\r");
                shell.expect("vm\n\nlvsh \\(test:///default\\) # \\z");
                shell.type("quit\r");
                assertEquals(0, shell.waitFor(Duration.ofSeconds(10)));
                assertEquals(1, shell.all().split("to unpack JNA's native library", -1).length - 1, shell.all());
            }
            Thread.sleep(1000); // a recorder, had one started, would be at work by now
            try (Stream<Path> left = Files.list(runtime)) {
                assertEquals(List.of(), left.toList(), "the private directories are gone");
            }
            try (Stream<Path> cached = Files.walk(full)) {
                assertEquals(List.of(), cached.filter(p -> p.getFileName().toString().matches(
                        ".*\\.(jsa|aot|tmp|lock)")).toList(), "no archive is recorded without room for it");
            }
        } finally {
            Run.process(List.of("umount", "-l", full.toString()), "", Map.of()); // lazily: a JVM may still be there
        }
    }

    /** The recorder moves its archive into place when done: wait for that, within a bound. */
    private static Path awaitArchive(Path cache) throws IOException, InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (Files.isDirectory(cache)) {
                try (Stream<Path> files = Files.walk(cache)) {
                    List<Path> done = files.filter(p -> p.getFileName().toString().matches("lvsh\\.(jsa|aot)"))
                            .filter(p -> !p.getParent().getFileName().toString().endsWith(".tmp")).toList();
                    if (!done.isEmpty()) {
                        return done.get(0);
                    }
                } catch (java.io.UncheckedIOException e) {
                    // the recorder renamed its .tmp directory while the walk was in it: look again
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no archive recorded in " + cache + " within 120 s");
    }

    private static long count(Path log, String text) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }
}
