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
