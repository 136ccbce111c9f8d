package org.lvsh.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the project's built artifacts are, for tests that run lvsh as a separate process. */
public final class Project {
    private Project() {
    }

    public static Path root() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("pom.xml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("not inside the lvsh project");
        }
        return p;
    }

    public static Path launcher() {
        return root().resolve("bin/lvsh");
    }

    /** The shaded jar; process-level tests need `mvn package` (they run in the integration-test phase). */
    public static Path jar() {
        return root().resolve("target/lvsh.jar");
    }
}
