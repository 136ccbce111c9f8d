package org.lvsh.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (exec-maven-plugin, process-classes): writes the completion scripts and the generated parts of the
 * man page from lvsh's command definitions.
 *
 * <p>Usage: {@code Generate OUTDIR}; writes OUTDIR/completions/{lvsh.bash,_lvsh,lvsh.fish} and
 * OUTDIR/man/{global-options,commands,common-options}.adoc (included by man/lvsh.adoc).
 */
public final class Generate {
    private Generate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Generate OUTDIR");
        }
        Path out = Path.of(args[0]);
        CommandModel model = new CommandModel();
        CompletionScripts scripts = new CompletionScripts(model);
        write(out.resolve("completions/lvsh.bash"), scripts.bash());
        write(out.resolve("completions/_lvsh"), scripts.zsh());
        write(out.resolve("completions/lvsh.fish"), scripts.fish());
        ManPieces man = new ManPieces(model);
        write(out.resolve("man/global-options.adoc"), man.globalOptions());
        write(out.resolve("man/commands.adoc"), man.commands());
        write(out.resolve("man/common-options.adoc"), man.commonOptions());
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
