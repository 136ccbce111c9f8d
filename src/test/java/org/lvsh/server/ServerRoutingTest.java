package org.lvsh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lvsh.support.Project;

/** Which requests the command server runs: by the catalog's facts about their commands, not by their text. */
class ServerRoutingTest {
    private static Server.Request request(String script, String... args) {
        return new Server.Request("lvsh-request-1", "t", Map.of(), List.of(args), script);
    }

    @Test
    void theCommandWordsOfARequest() {
        assertEquals(List.of("dominfo"), Server.commandWords(request("", "-c", "test:///default", "dominfo", "prevent")));
        assertEquals(List.of("uri", "event"), Server.commandWords(request("", "-q", "uri; event --all")));
        assertEquals(List.of("list", "event", "nodeinfo"),
                Server.commandWords(request("list\nevent --all --loop\n# event\nnodeinfo\n", "-c", "test:///default")));
        assertEquals(List.of("echo"), Server.commandWords(request("", "-o", "json", "echo", "event")));
    }

    /** event and top go on until stopped: their requests keep their caller's process. */
    @Test
    void commandsThatKeepRunningStayWithTheirCaller() {
        assertTrue(Server.keepsRunning("event"));
        assertTrue(Server.keepsRunning("top"));
        assertEquals(false, Server.keepsRunning("domstats"));
        assertEquals(false, Server.keepsRunning("nosuch"));
        assertEquals(List.of("uri", "top"), Server.commandWords(request("", "-q", "uri; top -b -n 1")));
    }

    /** The launcher sends the environment the server compares, the same variables. */
    @Test
    void theLauncherSendsTheEnvironmentTheServerCompares() throws IOException {
        String launcher = Files.readString(Project.root().resolve("bin/lvsh"));
        Matcher m = Pattern.compile("for var in ([A-Z_ \\\\\\n]+); do").matcher(launcher);
        assertTrue(m.find(), "bin/lvsh's environment list");
        assertEquals(Server.ENVIRONMENT, List.of(m.group(1).replace("\\", " ").trim().split("\\s+")));
    }
}
