package org.lvsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lvsh.cli.CommandCatalog;
import org.lvsh.cli.GlobalOptions;
import org.lvsh.support.Project;

/**
 * Facts about commands are the catalog's; what reads them elsewhere is walked here, so that a new command or
 * option cannot be forgotten in the head start, the class-data training or the launcher.
 */
class CommandFactsTest {
    private final CommandCatalog catalog = new CommandCatalog();

    @Test
    void theHeadStartConnectsForConnectedCommandsOnly() {
        for (CommandCatalog.Entry e : catalog.all()) {
            assertEquals(e.connected(), HeadStart.connects(e.name()), e.name());
            if (e.has(CommandCatalog.Fact.DIRECT_CALLS)) {
                assertTrue(e.connected(), e.name() + ": direct calls need a connection");
            }
        }
        assertFalse(HeadStart.connects("nosuchcommand"), "a word that is no command connects nowhere");
        assertTrue(HeadStart.withoutBinding("nodeinfo"));
        assertFalse(HeadStart.withoutBinding("dominfo"));
    }

    @Test
    void trainingRunsEveryCommand() {
        Set<String> trained = new LinkedHashSet<>();
        for (String line : Training.LINES) {
            trained.add(line.split(" ")[0]);
        }
        for (CommandCatalog.Entry e : catalog.all()) {
            assertTrue(trained.contains(e.name()), "Training.LINES never runs '" + e.name() + "'");
        }
    }

    /** bin/lvsh-jvm finds the command word by skipping run-wide options; those that take a value are GlobalOptions'. */
    @Test
    void theLaunchersValueOptionsAreTheGlobalOptions() throws IOException {
        String launcher = Files.readString(Project.root().resolve("bin/lvsh-jvm"));
        Matcher m = Pattern.compile("\\n\\s+(-c\\|[^)]*)\\) skip=yes").matcher(launcher);
        assertTrue(m.find(), "bin/lvsh-jvm's list of options with a value");
        assertEquals(GlobalOptions.valueOptionNames(), Set.of(m.group(1).split("\\|")));
    }

    /** lvsh-jvm gives the commands that keep their own process a long-lived JVM's flags: the catalog's. */
    @Test
    void theLaunchersLastingCommandsAreTheOwnProcessOnes() throws IOException {
        String launcher = Files.readString(Project.root().resolve("bin/lvsh-jvm"));
        Matcher m = Pattern.compile("case \\$arg in ([a-z|]+)\\) lasting=yes").matcher(launcher);
        assertTrue(m.find(), "bin/lvsh-jvm's list of lasting commands");
        Set<String> own = new java.util.HashSet<>();
        catalog.all().stream().filter(e -> e.has(CommandCatalog.Fact.OWN_PROCESS)).forEach(e -> own.add(e.name()));
        assertEquals(own, Set.of(m.group(1).split("\\|")));
    }

    /** What the warm path hands back before it starts: what lasts until stopped, and the warm path's own command. */
    @Test
    void ownProcessCommands() {
        List<String> own = new ArrayList<>();
        catalog.all().stream().filter(e -> e.has(CommandCatalog.Fact.OWN_PROCESS)).forEach(e -> own.add(e.name()));
        assertEquals(List.of("top", "event", "server"), own);
    }
}
