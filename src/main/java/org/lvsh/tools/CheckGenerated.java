package org.lvsh.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Build step (prepare-package): the checked-in completion scripts and man page must be what the code generates,
 * so that a change to a command cannot leave them behind. Fails the build on a difference, or with
 * {@code -Dlvsh.regenerate} copies the generated files over the checked-in ones.
 *
 * <p>Usage: {@code CheckGenerated REGENERATE GENERATED=CHECKED_IN...}
 */
public final class CheckGenerated {
    static final String HOW = "mvn -Dlvsh.regenerate package -DskipTests";

    private CheckGenerated() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: CheckGenerated REGENERATE GENERATED=CHECKED_IN...");
        }
        boolean regenerate = Boolean.parseBoolean(args[0]);
        List<String> stale = new ArrayList<>();
        for (String pair : Arrays.asList(args).subList(1, args.length)) {
            String[] files = pair.split("=", 2);
            Path generated = Path.of(files[0]);
            Path checkedIn = Path.of(files[1]);
            if (Files.exists(checkedIn) && Files.mismatch(generated, checkedIn) == -1) {
                continue;
            }
            if (regenerate) {
                Files.createDirectories(checkedIn.toAbsolutePath().getParent());
                Files.copy(generated, checkedIn, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("lvsh: regenerated " + checkedIn);
            } else {
                stale.add(checkedIn + (Files.exists(checkedIn) ? " differs from " : " is missing; see ") + generated);
            }
        }
        if (!stale.isEmpty()) {
            throw new IllegalStateException("generated files are out of date with the code:\n  "
                    + String.join("\n  ", stale)
                    + "\nThey are generated from the command definitions (org.lvsh.tools): regenerate them with\n  "
                    + HOW + "\nand commit the result. Do not edit them by hand.");
        }
    }
}
