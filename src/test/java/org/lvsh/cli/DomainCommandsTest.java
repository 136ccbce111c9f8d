package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvsh.support.NodeXml;
import org.lvsh.support.NodeXml.State;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/**
 * Domain commands against a node file with domains in every state, persistent and transient, with titles, a
 * managed save image, and names that bite; each compared with virsh on the same URI.
 */
class DomainCommandsTest {
    @TempDir
    static Path dir;
    static String uri;

    @BeforeAll
    static void host() {
        uri = NodeXml.host()
                .domain("web-1", State.RUNNING, false, "Web server one", false)
                .domain("db-server", State.PAUSED)
                .domain("backup", State.SHUTOFF)
                .domain("Archive", State.SHUTOFF, false, "Old archive box", true)
                .domain("temp-vm", State.RUNNING, true, null, false)
                .domain("crashy", State.CRASHED)
                .domain("zeta", State.SHUTOFF)
                .domain("my vm", State.RUNNING, false, "Spaced title", false)
                .domain("café", State.RUNNING, false, "Ünïcödé títle", false)
                .domain("日本語", State.SHUTOFF, false, "漢字", false)
                .domain("42", State.SHUTOFF)
                .domain("3", State.SHUTOFF)
                .domain("a\\xb", State.SHUTOFF, false, "tab\tinside", false)
                .domain("11111111-2222-3333-4444-000000000001", State.SHUTOFF)
                .domain("idle", State.BLOCKED)
                .domain("stopping", State.SHUTDOWN)
                .domain("sleepy", State.PMSUSPENDED)
                .domain("nothing", State.NOSTATE)
                .domain("-dash", State.SHUTOFF)
                .write(dir, "node.xml");
    }

    private static String clockless(String out) {
        return Run.clockless(out);
    }

    private static void sameAsVirsh(String... command) {
        List<String> args = new ArrayList<>(List.of("-c", uri));
        args.addAll(List.of(command));
        Result virsh = Run.virsh(args.toArray(new String[0]));
        Result lvsh = Run.lvsh(args.toArray(new String[0]));
        assertEquals(clockless(virsh.out()), clockless(lvsh.out()), "stdout of " + String.join(" ", command));
        assertEquals(virsh.err(), lvsh.err(), "stderr of " + String.join(" ", command));
        assertEquals(virsh.status() == 0, lvsh.status() == 0, "status of " + String.join(" ", command));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "--all", "--inactive", "--transient", "--persistent", "--all --persistent", "--all --transient",
        "--state-running", "--state-paused", "--state-shutoff", "--state-other", "--all --state-other",
        "--state-running --state-paused", "--state-running --state-shutoff", "--all --state-running --state-shutoff",
        "--inactive --state-running", "--all --with-managed-save", "--all --without-managed-save",
        "--all --autostart", "--all --no-autostart", "--all --title", "--all --managed-save",
        "--all --managed-save --title", "--managed-save", "--name", "--all --name", "--all --uuid",
        "--all --id", "--id", "--all --uuid --name", "--all --name --uuid", "--all --id --name",
        "--all --uuid --id", "--all --uuid --id --name", "--inactive --id", "--all --name --title",
        "--table", "--all --table", "--all --with-snapshot", "--all --without-snapshot",
        "--all --with-checkpoint", "--all --without-checkpoint",
    })
    void listLikeVirsh(String options) {
        List<String> command = new ArrayList<>(List.of("list"));
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split(" ")));
        }
        sameAsVirsh(command.toArray(new String[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--all", "--all --title", "--inactive --state-running", "--all --name"})
    void quietListLikeVirsh(String options) {
        List<String> args = new ArrayList<>(List.of("-q", "-c", uri, "list"));
        args.addAll(List.of(options.split(" ")));
        assertEquals(Run.virsh(args.toArray(new String[0])).out(), Run.lvsh(args.toArray(new String[0])).out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-1", "db-server", "backup", "Archive", "temp-vm", "crashy", "my vm", "café",
        "日本語", "42", "3", "1", "2", "a\\xb", "11111111-2222-3333-4444-000000000001",
        "11111111-2222-3333-4444-000000000002", "idle", "stopping", "sleepy", "nothing", "nosuch", "-1", "+1",
        " 1", "99"})
    void domainCommandsLikeVirsh(String domain) {
        for (String command : new String[] {"domstate", "domid", "domname", "domuuid"}) {
            sameAsVirsh(command, domain);
        }
        sameAsVirsh("domstate", "--reason", domain);
        sameAsVirsh("domstate", "--domain", domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-1", "db-server", "backup", "Archive", "temp-vm", "café", "42", "3", "nosuch"})
    void dominfoLikeVirsh(String domain) {
        sameAsVirsh("dominfo", domain);
    }

    @Test
    void domainNamedLikeAnIdIsFoundByNameWhenNoSuchIdRuns() {
        Result r = Run.lvsh("-c", uri, "domuuid", "42");
        assertEquals("11111111-2222-3333-4444-000000000011\n\n", r.out());
        // id 3 is running (temp-vm's position among active domains), so "3" means that one first
        assertEquals(Run.virsh("-c", uri, "dominfo", "3").out().lines().toList().get(1),
                Run.lvsh("-c", uri, "dominfo", "3").out().lines().toList().get(1));
    }

    /** virsh gives an option the next word whatever it looks like: a name starting with '-', or '--all'. */
    @Test
    void optionValuesThatLookLikeOptions() {
        sameAsVirsh("dominfo", "--domain", "-dash");
        sameAsVirsh("domuuid", "--domain=-dash");
        sameAsVirsh("domstate", "--domain", "-dash", "--reason");
        sameAsVirsh("dominfo", "--domain", "--all");
        sameAsVirsh("domid", "--domain", "--domain");
    }

    /** --managed-save asks for the mark; in JSON, YAML, CSV it is the record's managed_save, as --title's title. */
    @Test
    void managedSaveIsInTheJsonWhenAskedFor() {
        Result list = Run.lvsh("-c", uri, "-o", "csv", "list", "--all", "--managed-save");
        assertEquals(0, list.status(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals("id,name,uuid,state,persistent,autostart,managed_save", lines.get(0));
        assertEquals(List.of("Archive,true", "backup,false"), lines.stream()
                .filter(l -> l.contains(",Archive,") || l.contains(",backup,"))
                .map(l -> l.split(",")[1] + "," + l.substring(l.lastIndexOf(',') + 1)).sorted().toList());
        Result plain = Run.lvsh("-c", uri, "-o", "csv", "list", "--all");
        assertEquals("id,name,uuid,state,persistent,autostart", plain.out().lines().findFirst().orElseThrow());
    }
}
