package org.lvsh.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvsh.support.Run;

/**
 * Names that are not ASCII, under locales whose charset is not UTF-8: virsh passes the bytes through, and so must
 * lvsh, in arguments, text and JSON (the contract: output does not depend on the locale).
 */
class LauncherLocaleIT {
    @TempDir
    static Path dir;
    static String uri;

    @BeforeAll
    static void setUp() {
        uri = LiveHost.write(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LC_ALL=C", "LC_ALL=POSIX", "LANG=C", "LC_CTYPE=C"})
    void nonAsciiNamesSurviveTheLocale(String setting) {
        String[] kv = setting.split("=");
        // Run.process sets LC_ALL=C.UTF-8; the setting under test replaces it
        Map<String, String> env = kv[0].equals("LC_ALL") ? Map.of("LC_ALL", kv[1], "LVSH_NO_ARCHIVE", "1")
                : Map.of("LC_ALL", "", kv[0], kv[1], "LVSH_NO_ARCHIVE", "1");
        Run.Result names = Run.launcher("", env, "-c", uri, "list", "--all", "--name");
        assertEquals("my vm\ncafé\n\n", names.out(), names.err());
        Run.Result state = Run.launcher("", env, "-c", uri, "domstate", "café");
        assertEquals("shut off\n\n", state.out(), state.err());
        assertEquals(0, state.status());
        Run.Result json = Run.launcher("", env, "-c", uri, "list", "--all", "--json");
        assertEquals(true, json.out().contains("\"name\": \"café\""), json.out());
        Run.Result missing = Run.launcher("", env, "-c", uri, "dominfo", "naïve");
        assertEquals("error: failed to get domain 'naïve'\n", missing.err());
        Run.Result script = Run.launcher("domname café\n", env, "-c", uri);
        assertEquals("error: failed to get domain 'café'\n", script.err()); // domname takes an id or UUID, as virsh
    }
}
