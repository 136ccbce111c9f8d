package org.lvsh.packaging;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.lvsh.support.Project;
import org.lvsh.support.Run;

/**
 * The programs the packaging tests drive (bash, zsh, fish, man). A missing one skips its tests on a developer's
 * machine, but fails them when LVSH_REQUIRE_ALL_SHELLS=1 (CI installs them all: a skip there would hide a
 * broken script).
 */
final class Tools {
    private Tools() {
    }

    /** The program's path; skips (or fails under LVSH_REQUIRE_ALL_SHELLS=1) when it is not installed. */
    static String require(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        if ("1".equals(System.getenv("LVSH_REQUIRE_ALL_SHELLS"))) {
            fail(program + " is not installed, and LVSH_REQUIRE_ALL_SHELLS=1 requires it");
        }
        Assumptions.abort(program + " is not installed");
        return null;
    }

    /**
     * The environment completion runs in: bin/lvsh first on PATH, a UTF-8 locale, no default URI, a home of its
     * own (shells may write there), and no class-data archive recorded in the background during the tests.
     */
    static Map<String, String> completionEnv() {
        Path home = Project.root().resolve("target/packaging-home");
        try {
            Files.createDirectories(home);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.of("PATH", Project.root().resolve("bin") + File.pathSeparator + System.getenv("PATH"),
                "LC_ALL", "C.UTF-8", "HOME", home.toString(), "LVSH_NO_ARCHIVE", "1");
    }

    static Path completions(String file) {
        return Project.root().resolve("completions").resolve(file);
    }

    static Run.Result run(Map<String, String> env, String... command) {
        return Run.process(new ArrayList<>(List.of(command)), "", env);
    }
}
