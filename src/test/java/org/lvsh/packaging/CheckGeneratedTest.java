package org.lvsh.packaging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.tools.CheckGenerated;

/** The build's check of the checked-in generated files: fails on a difference, and tells how to regenerate. */
class CheckGeneratedTest {
    @TempDir
    Path dir;

    private String[] args(String regenerate, Path generated, Path checkedIn) {
        return new String[] {regenerate, generated + "=" + checkedIn};
    }

    @Test
    void passesWhenTheFilesAreTheSame() throws IOException {
        Path generated = Files.writeString(dir.resolve("generated"), "same\n");
        Path checkedIn = Files.writeString(dir.resolve("checked-in"), "same\n");
        assertDoesNotThrow(() -> CheckGenerated.main(args("false", generated, checkedIn)));
    }

    @Test
    void failsOnADifferenceAndSaysHowToRegenerate() throws IOException {
        Path generated = Files.writeString(dir.resolve("generated"), "new\n");
        Path checkedIn = Files.writeString(dir.resolve("checked-in"), "old\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CheckGenerated.main(args("false", generated, checkedIn)));
        assertTrue(e.getMessage().contains(checkedIn + " differs from " + generated), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -Dlvsh.regenerate package -DskipTests"), e.getMessage());
        assertEquals("old\n", Files.readString(checkedIn));
    }

    @Test
    void failsWhenTheCheckedInFileIsMissing() throws IOException {
        Path generated = Files.writeString(dir.resolve("generated"), "new\n");
        assertThrows(IllegalStateException.class,
                () -> CheckGenerated.main(args("false", generated, dir.resolve("missing"))));
    }

    @Test
    void regenerateCopiesTheGeneratedFile() throws IOException {
        Path generated = Files.writeString(dir.resolve("generated"), "new\n");
        Path checkedIn = dir.resolve("sub/checked-in");
        CheckGenerated.main(args("true", generated, checkedIn));
        assertEquals("new\n", Files.readString(checkedIn));
    }
}
