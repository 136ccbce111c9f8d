package org.lvsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Run;

/**
 * The commands the head start expects to run on lvsh's direct libvirt calls really do: libvirt-java's Library
 * (a proxy of some 400 functions, tens of milliseconds) is never loaded for them. Output is virsh's either way.
 */
class HeadStartIT {
    private static final String LIBRARY = "org.libvirt.Library ";

    @TempDir
    Path dir;

    /** Runs the launcher; returns its classes log, after checking the output against virsh when asked to. */
    private String loadedClasses(boolean compare, String... args) throws IOException {
        Path log = dir.resolve("classes-" + String.join("-", args).replaceAll("[^a-z-]", "") + ".log");
        Run.Result r = Run.launcher("", Map.of("LVSH_NO_ARCHIVE", "1", "XDG_CACHE_HOME", dir.toString(),
                "LVSH_JAVA_OPTS", "-Xlog:class+load:file=" + log), args);
        assertEquals(0, r.status(), r.err());
        if (compare) {
            assertEquals(Run.virsh(args), r, String.join(" ", args));
        }
        return Files.readString(log);
    }

    @Test
    void directCommandsLeaveTheBindingUnloaded() throws IOException {
        String[][] commands = {{"nodeinfo"}, {"hostname"}, {"uri"}, {"list", "--all"}, {"freecell", "--all"},
            {"freepages", "--all"}};
        for (String[] c : commands) {
            assertTrue(HeadStart.withoutBinding(c[0]), c[0]);
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("-c", "test:///default"),
                    java.util.Arrays.stream(c)).toArray(String[]::new);
            String classes = loadedClasses(true, args);
            assertTrue(classes.contains("org.lvsh.libvirt.jna.NativeConnection "), c[0]);
            assertFalse(classes.contains(LIBRARY), c[0] + " loaded libvirt-java's Library");
        }
    }

    @Test
    void domainCommandsStillUseIt() throws IOException {
        assertTrue(loadedClasses(false, "-c", "test:///default", "dominfo", "1").contains(LIBRARY));
    }
}
