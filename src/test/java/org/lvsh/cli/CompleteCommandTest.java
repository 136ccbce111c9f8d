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

    @Test
    void neverAsksForCredentials() {
        String locked = NodeXml.host().auth("alice", "pw").domain("alpha", NodeXml.State.RUNNING)
                .write(dir, "locked.xml");
        assertEquals(new Run.Result(0, "", ""), Run.lvsh("complete", "--", "-c", locked, "domstate", "a"));
        assertEquals(new Run.Result(0, "", ""), Run.lvsh("-c", locked, "complete", "--", "domstate", "a"));
    }
}
