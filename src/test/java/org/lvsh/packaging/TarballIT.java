package org.lvsh.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.cli.LvshVersion;
import org.lvsh.support.Project;
import org.lvsh.support.Run;

/** The release tarball: an install prefix that runs where it is unpacked. */
class TarballIT {
    @TempDir
    Path dir;

    private static Path tarball() {
        return Project.root().resolve("target/lvsh-" + LvshVersion.lvsh() + ".tar.gz");
    }

    @Test
    void holdsTheLauncherJarCompletionsManPageAndLicense() {
        Run.Result r = Tools.run(Map.of(), "tar", "tzvf", tarball().toString());
        assertEquals(0, r.status(), r.err());
        String top = "lvsh-" + LvshVersion.lvsh() + "/";
        List<String> entries = Arrays.stream(r.out().split("\n"))
                .map(l -> l.substring(0, 10) + " " + l.substring(l.lastIndexOf(' ') + 1).replace(top, ""))
                .filter(l -> !l.endsWith("README.md")) // present when the project has one
                .toList();
        assertEquals(List.of(
                "-rwxr-xr-x bin/lvsh",
                "-rw-r--r-- share/lvsh/lvsh.jar",
                "-rwxr-xr-x share/lvsh/lvsh-jvm",
                "-rw-r--r-- share/bash-completion/completions/lvsh",
                "-rw-r--r-- share/zsh/site-functions/_lvsh",
                "-rw-r--r-- share/fish/vendor_completions.d/lvsh.fish",
                "-rw-r--r-- share/man/man1/lvsh.1",
                "-rw-r--r-- LICENSE"), entries);
    }

    @Test
    void runsWhereItIsUnpacked() {
        assertEquals(0, Tools.run(Map.of(), "tar", "xzf", tarball().toString(), "-C", dir.toString()).status());
        Path launcher = dir.resolve("lvsh-" + LvshVersion.lvsh() + "/bin/lvsh");
        Run.Result r = Tools.run(Map.of("LVSH_NO_ARCHIVE", "1"), launcher.toString(), "-c", "test:///default", "uri");
        assertEquals("test:///default\n\n", r.out(), r.err());
        assertEquals(0, r.status());
        assertEquals(true, Files.isExecutable(launcher));
    }
}
