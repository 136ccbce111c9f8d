package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.NodeXml;
import org.lvsh.support.Run;

/**
 * lvsh complete connects to the URI of the words being completed, else the run's own; its connection is opened
 * while the words are parsed, and it never asks for credentials.
 */
class CompleteCommandTest {
    @TempDir
    Path dir;

    @Test
    void domainsOfTheRunsUriOrOfTheCompletedWords() {
        String a = NodeXml.host().domain("alpha", NodeXml.State.RUNNING).write(dir, "a.xml");
        String b = NodeXml.host().domain("beta", NodeXml.State.RUNNING).domain("bravo", NodeXml.State.SHUTOFF)
                .write(dir, "b.xml");
        assertEquals(new Run.Result(0, "alpha\n", ""), Run.lvsh("-c", a, "complete", "--", "domstate", ""));
        assertEquals(new Run.Result(0, "beta\nbravo\n", ""),
                Run.lvsh("-c", a, "complete", "--", "-c", b, "domstate", "b"));
        assertEquals(new Run.Result(0, "beta\n", ""),
                Run.lvsh("-c", a, "complete", "--", "--connect=" + b, "-r", "dominfo", "be"));
        assertEquals(new Run.Result(0, "nodeinfo\n", ""), Run.lvsh("-c", a, "complete", "--", "nodei"));
    }

    /**
     * One word after lvsh's options is a command string when it holds several words or commands, and runs as one
     * (lvsh 'nodeinfo; dominfo a'): it is completed by the parser that will run it, each candidate the whole word
     * again, escaped as that parser reads it. Separate words are one command, as they run: ';' is a value there.
     */
    @Test
    void aCommandStringIsCompletedAsItWillRun() {
        String a = NodeXml.host().domain("alpha", NodeXml.State.RUNNING).domain("semi;colon", NodeXml.State.RUNNING)
                .write(dir, "s.xml");
        for (String line : new String[] {"nodeinfo; dominfo a", "nodeinfo ; dominfo a", "uri;dominfo a",
            "echo 'x;y'; dominfo a", "uri\ndominfo a"}) {
            assertEquals(new Run.Result(0, line + "lpha\n", ""), Run.lvsh("-c", a, "complete", "--", line), line);
        }
        assertEquals(new Run.Result(0, "nodeinfo; domstate semi\\;colon\n", ""),
                Run.lvsh("-c", a, "complete", "--", "nodeinfo; domstate s"));
        assertEquals(new Run.Result(0, "domstate 'semi;colon'\n", ""),
                Run.lvsh("-c", a, "complete", "--", "domstate 's"));
        assertEquals(new Run.Result(0, "uri; domstate alpha\nuri; domstate semi\\;colon\n", ""),
                Run.lvsh("-c", a, "complete", "--", "-q", "uri; domstate "));
        assertEquals(new Run.Result(0, "uri; nodeinfo\n", ""), Run.lvsh("-c", a, "complete", "--", "uri; nodei"));
        // words as lvsh receives them separately: one command, as it would run (unexpected data ';' there)
        assertEquals(new Run.Result(0, "", ""), Run.lvsh("-c", a, "complete", "--", "echo", ";", "dominfo", "a"));
        assertEquals(new Run.Result(0, "", ""), Run.lvsh("-c", a, "complete", "--", "nodeinfo;", "dominfo", "a"));
    }

    @Test
    void neverAsksForCredentials() {
        String locked = NodeXml.host().auth("alice", "pw").domain("alpha", NodeXml.State.RUNNING)
                .write(dir, "locked.xml");
        assertEquals(new Run.Result(0, "", ""), Run.lvsh("complete", "--", "-c", locked, "domstate", "a"));
        assertEquals(new Run.Result(0, "", ""), Run.lvsh("-c", locked, "complete", "--", "domstate", "a"));
    }
}
