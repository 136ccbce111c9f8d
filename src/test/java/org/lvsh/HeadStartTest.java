package org.lvsh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsh.cli.GlobalOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The head start's quick look at the arguments must know the same value-taking options as the parser. */
class HeadStartTest {
    @Test
    void valueOptionsMatchTheGlobalOptions() {
        Set<String> fromParser = new HashSet<>();
        for (OptionSpec o : new CommandLine(new GlobalOptions()).getCommandSpec().options()) {
            if (!o.typeInfo().isBoolean()) {
                fromParser.addAll(Set.of(o.names()));
            }
        }
        assertEquals(fromParser, HeadStart.VALUE_OPTIONS);
    }
}
