package org.lvsh.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lvsh.cli.CommandCatalog;
import org.lvsh.support.Project;
import org.lvsh.support.Run;

/**
 * The checked-in completion scripts and man page (the build proves they are what the code generates; this proves
 * that what is generated is right): valid for their shells, every visible command present, hidden ones absent,
 * the man page's sections all there and rendering without warnings.
 */
class GeneratedFilesTest {
    private static final CommandCatalog CATALOG = new CommandCatalog();

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void scriptsParseInTheirShells() {
        assertSyntax("bash", "-n", Tools.completions("lvsh.bash"));
        assertSyntax("zsh", "-n", Tools.completions("_lvsh"));
        assertSyntax("fish", "--no-execute", Tools.completions("lvsh.fish"));
    }

    private static void assertSyntax(String shell, String flag, Path script) {
        Run.Result r = Tools.run(Map.of(), Tools.require(shell), flag, script.toString());
        assertEquals(0, r.status(), shell + " refuses " + script + ": " + r.err());
        assertEquals("", r.err());
    }

    @Test
    void describedCommandsAreTheVisibleOnes() throws IOException {
        String zsh = read(Tools.completions("_lvsh"));
        String fish = read(Tools.completions("lvsh.fish"));
        for (CommandCatalog.Entry e : CATALOG.all()) {
            String zshKey = "\n  '" + e.name() + "' '";
            String fishKey = "\n        case '" + e.name() + "'\n";
            assertEquals(!e.hidden(), zsh.contains(zshKey), e.name() + " in _lvsh");
            assertEquals(!e.hidden(), fish.contains(fishKey), e.name() + " in lvsh.fish");
        }
    }

    @Test
    void manPageHasEveryVisibleCommandAndTheUsualSections() throws IOException {
        String man = read(Project.root().resolve("man/lvsh.1"));
        List<String> subsections = new ArrayList<>();
        for (String line : man.split("\n")) {
            if (line.startsWith(".SS \"")) {
                subsections.add(line.substring(5, line.length() - 1));
            }
        }
        for (CommandCatalog.Entry e : CATALOG.all()) {
            assertEquals(!e.hidden(), subsections.contains(e.name()), e.name() + " in man/lvsh.1");
        }
        for (String section : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMON OPTIONS",
                "OUTPUT FORMATS", "INTERACTIVE SHELL", "SCRIPT MODE", "ENVIRONMENT", "FILES", "EXIT STATUS",
                "EXAMPLES", "SEE ALSO")) {
            assertTrue(man.contains("\n.SH \"" + section + "\"\n"), section + " section");
        }
        for (CommandCatalog.Group g : CommandCatalog.Group.values()) {
            assertTrue(man.contains("\n.SH \"" + g.title.toUpperCase(java.util.Locale.ROOT) + " COMMANDS\"\n"),
                    g.title);
        }
        for (String word : List.of("LVSH_DEFAULT_URI", "LIBVIRT_DEFAULT_URI", "LIBVIRT_AUTH_FILE", "LIBVIRT_DEBUG",
                "LIBVIRT_LOG_FILTERS", "LIBVIRT_LOG_OUTPUTS", "XDG_CACHE_HOME", "lvsh/history", "0600")) {
            assertTrue(man.contains(word), word);
        }
        assertFalse(man.contains("Date: \n"), "the page has a date");
    }

    @Test
    void manPageRendersWithoutWarnings() {
        String man = Tools.require("man");
        Run.Result r = Tools.run(Map.of("MANWIDTH", "80", "LC_ALL", "C.UTF-8"), "sh", "-c",
                "\"$0\" --warnings -E UTF-8 -l \"$1\" >/dev/null", man,
                Project.root().resolve("man/lvsh.1").toString());
        assertEquals("", r.err());
        assertEquals(0, r.status());
    }
}
