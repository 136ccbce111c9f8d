package org.lvsh.repl;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.lvsh.cli.CommandCatalog;
import org.lvsh.cli.Dispatcher;
import org.lvsh.complete.CompletionEngine;

/** JLine's side of completion: hands the words to the shared {@link CompletionEngine}. */
final class ShellCompleter implements Completer {
    private final CompletionEngine engine;

    ShellCompleter(CommandCatalog catalog, Dispatcher dispatcher) {
        this.engine = new CompletionEngine(catalog, dispatcher::spec, null, dispatcher.context().candidates());
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = new ArrayList<>(line.words().subList(0, line.wordIndex()));
        words.add(line.word().substring(0, line.wordCursor()));
        for (CompletionEngine.Suggestion s : engine.complete(words)) {
            candidates.add(new Candidate(s.value(), s.value(), null,
                    s.description().isEmpty() ? null : s.description(), null, null, s.complete()));
        }
    }
}
