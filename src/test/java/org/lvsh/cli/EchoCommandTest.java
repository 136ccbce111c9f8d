package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/**
 * virsh's own parser tests (libvirt's tests/virshtest.c, the echo cases: quote removal, escaping flags, "--"
 * handling, aliases) run through lvsh and virsh side by side: the same words must come out, byte for byte.
 */
class EchoCommandTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                // quote removal: one command string, as virsh -c URI 'LINE'
                List.of("echo a \t b"), List.of("echo \"a \t b\""), List.of("echo 'a \t b'"),
                List.of("echo a\\ \\\t\\ b"), List.of("echo", "'", "\"", "\\;echo\ta"),
                List.of("echo \\' \\\" \\;echo\ta"), List.of("echo \\' \\\" \\\\;echo\ta"),
                List.of("echo  \"'\"  '\"'  '\\'\"\\\\\""),
                // escaping flags
                List.of("echo", "a", "A", "0", "+", "*", ";", ".", "'", "\"", "/", "?", "=", " ", "\n", "<", ">", "&"),
                List.of("echo", "--shell", "a", "A", "0", "+", "*", ";", ".", "'", "\"", "/", "?", "=", " ", "\n", "<",
                        ">", "&"),
                List.of("echo", "--xml", "a", "A", "0", "+", "*", ";", ".", "'", "\"", "/", "?", "=", " ", "\n", "<",
                        ">", "&"),
                List.of("echo", ""), List.of("echo", "--shell", ""), List.of("echo", "--split", "a,b,,c", "d"),
                // "--" handling
                List.of("--", "echo", "--shell", "a"), List.of("--", "echo", "a", "--shell"),
                List.of("--", "echo", "--", "a", "--shell"), List.of("echo", "--", "--", "--shell", "a"),
                List.of("echo --s\\h'e'\"l\"l -- a"), List.of("echo \t '-'\"-\" \t --shell \t a"),
                // aliases
                List.of("echo --str hello"), List.of("echo --hi"), List.of("echo --hi there"),
                List.of("echo --string=hello world"), List.of("echo --str=one --str two three"),
                // several commands, and the quiet form with no trailing newline at all
                List.of("echo a; echo b"), List.of("-q", "echo", "hi"), List.of("echo", "--err", "oops"))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameWordsAsVirsh(List<String> argv) {
        String[] args = argv.toArray(String[]::new);
        Result virsh = Run.virsh(args);
        Result lvsh = Run.lvsh(args);
        assertEquals(virsh.out(), lvsh.out(), "stdout of " + argv);
        assertEquals(virsh.err(), lvsh.err(), "stderr of " + argv);
        assertEquals(virsh.status(), lvsh.status(), "status of " + argv);
    }

    /** JSON holds the text; the other structured formats too. */
    @ParameterizedTest
    @MethodSource("formats")
    void structured(String format, String expected) {
        assertEquals(expected, Run.lvsh("-o", format, "echo", "--shell", "a b", "c").out());
    }

    static Stream<Arguments> formats() {
        return Stream.of(Arguments.of("json", "{\n  \"text\": \"'a b' c\"\n}\n"),
                Arguments.of("yaml", "text: '''a b'' c'\n"), Arguments.of("csv", "text\n\"'a b' c\"\n"));
    }
}
