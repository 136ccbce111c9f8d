package org.lvsh.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Build step: gzip -9n for the Debian package's man page (Debian installs man pages compressed). Java writes no
 * name and a zero time into the gzip header, so the result is the same at every build.
 *
 * <p>Usage: {@code GzipFile IN OUT}
 */
public final class GzipFile {
    private GzipFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: GzipFile IN OUT");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(out)) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            Files.copy(Path.of(args[0]), gz);
        }
    }
}
