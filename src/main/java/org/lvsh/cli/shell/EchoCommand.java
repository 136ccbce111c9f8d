package org.lvsh.cli.shell;

import java.util.ArrayList;
import java.util.List;
import org.lvsh.cli.LvshCommand;
import org.lvsh.model.EchoText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * virsh's echo: shows what a command line became once quotes and escapes were read, optionally quoted again for
 * a shell or for XML; scripts written for virsh use it, and its output is virsh's to the byte.
 */
@Command(name = "echo", header = "echo arguments. Used for internal testing.",
        description = "Echo back arguments, possibly with quoting. Used for internal testing.")
public final class EchoCommand extends LvshCommand {
    /** libvirt's virBufferEscapeShell quotes a word holding any of these. */
    private static final String SHELL_SPECIAL = "\r\t\n !\"#$&'()*;<>?[\\]^`{|}~";

    @Option(names = "--shell", description = "escape for shell use")
    boolean shell;

    @Option(names = "--xml", description = "escape for XML use")
    boolean xml;

    @Option(names = "--split", description = "split each argument on ','; ',,' is an escape sequence")
    boolean split;

    @Option(names = "--err", description = "output to stderr")
    boolean err;

    @Option(names = {"--string", "--str"}, paramLabel = "STRING", description = "arguments to echo")
    List<String> named = new ArrayList<>();

    @Option(names = "--hi", description = "the string hello", hidden = true)
    boolean hello;

    @Parameters(arity = "0..*", paramLabel = "STRING", description = "arguments to echo")
    List<String> strings = new ArrayList<>();

    @Override
    protected void run() {
        exclusive(shell, "shell", xml, "xml");
        exclusive(shell, "shell", split, "split");
        exclusive(xml, "xml", split, "split");
        List<String> all = new ArrayList<>();
        if (hello) {
            all.add("hello"); // virsh's alias --hi is "--string=hello"
        }
        all.addAll(named);
        all.addAll(strings);
        StringBuilder text = new StringBuilder();
        for (String word : all) {
            if (xml) {
                text.append(xmlEscaped(word));
            } else if (shell) {
                text.append(shellQuoted(word));
            } else if (split) {
                for (String part : splitOnCommas(word)) {
                    text.append(part).append('\n');
                }
            } else {
                text.append(word);
            }
            text.append(' ');
        }
        while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1); // virBufferTrim
        }
        String result = text.toString();
        if (err) {
            spec.commandLine().getErr().println("error: " + result);
            spec.commandLine().getErr().flush();
            return;
        }
        // no newline of its own: the blank line virsh prints after a command ends it (-q: nothing does)
        output().emit(new EchoText(result), out -> out.print(result));
    }

    static String shellQuoted(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        if (word.chars().noneMatch(c -> SHELL_SPECIAL.indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** virBufferEscapeString: the five XML specials as entities; control characters but tab and newlines dropped. */
    static String xmlEscaped(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** vshStringToArray: parts between commas, ",," standing for a comma. */
    static List<String> splitOnCommas(String word) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == ',' && i + 1 < word.length() && word.charAt(i + 1) == ',') {
                part.append(',');
                i++;
            } else if (c == ',') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
