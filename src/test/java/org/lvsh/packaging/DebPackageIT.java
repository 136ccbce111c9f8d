package org.lvsh.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lvsh.cli.LvshVersion;
import org.lvsh.support.Project;
import org.lvsh.support.Run;

/**
 * The .deb as a user gets it: installed with apt, run from PATH, its man page and completions where Debian looks
 * for them, then removed. Needs root on Debian with apt: elsewhere it skips, unless LVSH_REQUIRE_ROOT_TESTS=1
 * (CI), which makes "cannot run here" a failure.
 */
class DebPackageIT {
    private static final Map<String, String> ENV = Map.of("DEBIAN_FRONTEND", "noninteractive",
            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL", "C.UTF-8");
    private static final List<String> INSTALLED = List.of(
            "/usr/bin/lvsh",
            "/usr/share/lvsh/lvsh.jar",
            "/usr/share/lvsh/lvsh-jvm",
            "/usr/share/man/man1/lvsh.1.gz",
            "/usr/share/bash-completion/completions/lvsh",
            "/usr/share/zsh/vendor-completions/_lvsh",
            "/usr/share/fish/vendor_completions.d/lvsh.fish",
            "/usr/share/doc/lvsh/copyright");

    private static Run.Result sh(String script) {
        return Tools.run(ENV, "sh", "-c", script);
    }

    private static boolean ok(Run.Result r) {
        return r.status() == 0;
    }

    private static void cannotRun(String why) {
        if ("1".equals(System.getenv("LVSH_REQUIRE_ROOT_TESTS"))) {
            fail("the .deb test cannot run here (" + why + "), and LVSH_REQUIRE_ROOT_TESTS=1 requires it");
        }
        Assumptions.abort(why);
    }

    @Test
    void installsRunsAndRemoves() {
        Path deb = Project.root().resolve("target/lvsh_" + LvshVersion.lvsh() + "_all.deb");
        if (!ok(sh("[ \"$(id -u)\" -eq 0 ]"))) {
            cannotRun("not root");
        }
        if (!Files.exists(Path.of("/etc/debian_version")) || !ok(sh("command -v apt-get && command -v dpkg-query"))) {
            cannotRun("not Debian with apt");
        }
        if (ok(sh("dpkg-query -W -f='${Status}' lvsh 2>/dev/null | grep -q 'install ok installed'"))) {
            cannotRun("an lvsh package is installed already; this test would replace and remove it");
        }
        assertTrue(Files.exists(deb), deb + " is built by `mvn package`");
        try {
            Run.Result install = Tools.run(ENV, "apt-get", "install", "-y", "--no-install-recommends",
                    deb.toString());
            assertEquals(0, install.status(), "apt-get install failed:\n" + install.out() + install.err());

            assertEquals("/usr/bin/lvsh\n", sh("command -v lvsh").out());
            Run.Result nodeinfo = sh("LVSH_NO_ARCHIVE=1 lvsh -c test:///default nodeinfo");
            assertEquals("""
                    CPU model:           i686
                    CPU(s):              16
                    CPU frequency:       1400 MHz
                    CPU socket(s):       2
                    Core(s) per socket:  2
                    Thread(s) per core:  2
                    NUMA cell(s):        2
                    Memory size:         3145728 KiB

                    """, nodeinfo.out(), nodeinfo.err());
            assertEquals("", nodeinfo.err());
            assertEquals(0, nodeinfo.status());

            for (String file : INSTALLED) {
                assertTrue(Files.isRegularFile(Path.of(file)), file + " installed");
            }
            // the installed client's warm path: the first command leaves a server, the next runs on it
            String warm = "export LVSH_SERVER=1 LVSH_NO_ARCHIVE=1 XDG_RUNTIME_DIR=$(mktemp -d) && lvsh -c "
                    + "test:///default uri && for i in $(seq 100); do lvsh server status | grep -q 'Servers: *1' "
                    + "&& break; sleep 0.1; done && lvsh -c test:///default uri && lvsh server status --json && "
                    + "lvsh server stop";
            Run.Result served = sh(warm);
            assertEquals(0, served.status(), served.out() + served.err());
            assertTrue(served.out().startsWith("test:///default\n\ntest:///default\n\n{"), served.out());
            assertTrue(served.out().contains("\"served\": 1,"), served.out());
            if (ok(sh("command -v man"))) {
                assertEquals("/usr/share/man/man1/lvsh.1.gz\n", sh("man -w lvsh").out());
                Run.Result page = sh("MANWIDTH=80 man --warnings -E UTF-8 lvsh");
                assertEquals("", page.err());
                assertTrue(page.out().contains("EXIT STATUS"), "the installed page renders");
            }
            Run.Result complete = sh("bash --norc --noprofile -c '. /usr/share/bash-completion/completions/lvsh && "
                    + "complete -p lvsh'");
            assertEquals("complete -o nosort -F _lvsh lvsh\n", complete.out(), complete.err());
        } finally {
            Run.Result remove = Tools.run(ENV, "apt-get", "remove", "-y", "lvsh");
            assertEquals(0, remove.status(), "apt-get remove failed:\n" + remove.out() + remove.err());
        }
        for (String file : INSTALLED) {
            assertFalse(Files.exists(Path.of(file)), file + " removed");
        }
    }
}
