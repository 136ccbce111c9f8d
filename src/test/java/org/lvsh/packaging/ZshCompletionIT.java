package org.lvsh.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Run;

/**
 * The zsh completion script with the real lvsh, through zsh's own completion system: an interactive zsh on a
 * pseudo-terminal (zsh/zpty) with compinit and _lvsh on its fpath gets the line and a TAB; compadd is wrapped to
 * print what zsh accepted (after its own matching and quoting) and what it would display.
 */
class ZshCompletionIT {
    private static final String HARNESS = """
            # usage: zsh -f capture.zsh FPATH_DIR 'command line'
            # Types the line and TAB into an interactive zsh (compinit, the lvsh completion from FPATH_DIR) on a
            # pseudo-terminal, and prints what completion offered: each match as it would be inserted, a tab, its display.
            zmodload zsh/zpty || exit 90
            zpty z zsh -f -i
            zpty -w z "PS1='' PROMPT='' RPROMPT=''; fpath=(${(q)1} \\$fpath); autoload -U compinit; compinit -u -D"
            zpty -w z 'zstyle ":completion:*" insert-tab false'
            # compadd, wrapped: the matches it accepts (after zsh's own matching and quoting) are printed, not added.
            zpty -w z 'compadd() {
              if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd "$@"; return $?; fi
              local -a __hits __raw __vals __disp; local -A __shown; local __d __i
              builtin compadd -A __hits "$@"; builtin compadd -O __raw "$@"
              __i=${@[(i)-d]}; (( __i < $# )) && __d=${@[__i+1]}
              __vals=("${(@P)${@[-1]}}"); [[ -n $__d ]] && __disp=("${(@P)__d}")
              for __i in {1..$#__vals}; do __shown[${__vals[__i]}]=${__disp[__i]}; done
              for __i in {1..$#__hits}; do print -r -- "<<M>>${__hits[__i]}"$'\\''\\t'\\''"${__shown[${__raw[__i]}]}<<E>>"; done
            }'
            # TAB completes, then says it is done (no keys are sent while completion runs).
            zpty -w z '__done() { zle complete-word; print -r -- "<<DONE"">>"; }; zle -N __done; bindkey "^I" __done'
            zpty -w z 'print -r -- "<<READY"">>"'
            local line
            while zpty -r z line; do [[ $line == *'<<READY>>'* ]] && break; done
            zpty -w -n z "$2"$'\\t'
            while zpty -r z line; do
              if [[ $line == *"<<M>>"*"<<E>>"* ]]; then line=${line#*<<M>>}; print -r -- "${line%%<<E>>*}"; fi
              [[ $line == *'<<DONE>>'* ]] && break
            done
            zpty -d z
            """;

    @TempDir
    static Path dir;
    static String uri;
    static Path harness;
    static Path fpath;

    @BeforeAll
    static void setUp() throws IOException {
        uri = LiveHost.write(dir);
        harness = dir.resolve("capture.zsh");
        Files.writeString(harness, HARNESS);
        fpath = Files.createDirectories(dir.resolve("functions"));
        Files.copy(Tools.completions("_lvsh"), fpath.resolve("_lvsh"));
    }

    /** Each match as zsh would insert it, a tab, and what the list shows for it. */
    private static List<String> complete(String line) {
        String zsh = Tools.require("zsh");
        Run.Result r = Tools.run(Tools.completionEnv(), "timeout", "60", zsh, "-f", harness.toString(),
                fpath.toString(), line);
        assertEquals(0, r.status(), "the zsh harness failed: " + r.err());
        return r.out().isEmpty() ? List.of() : List.of(r.out().split("\n"));
    }

    @Test
    void commandsWithTheirSummaries() {
        List<String> all = complete("lvsh ");
        assertEquals(BashCompletionIT.COMMANDS, all.stream().map(l -> l.split("\t")[0]).toList());
        assertEquals(List.of(
                "domid\tdomid     -- convert a domain name or UUID to domain id",
                "domname\tdomname   -- convert a domain id or UUID to domain name",
                "domuuid\tdomuuid   -- convert a domain name or id to domain UUID",
                "dominfo\tdominfo   -- domain information",
                "domstate\tdomstate  -- domain state",
                "domstats\tdomstats  -- get statistics about one or multiple domains"), complete("lvsh dom"));
    }

    @Test
    void optionsOfList() {
        assertEquals(BashCompletionIT.LIST_OPTIONS, complete("lvsh list --").stream().map(l -> l.split("\t")[0])
                .toList());
        assertEquals(List.of("--state-running\t--state-running  -- list domains in running state",
                "--state-paused\t--state-paused   -- list domains in paused state",
                "--state-shutoff\t--state-shutoff  -- list domains in shutoff state",
                "--state-other\t--state-other    -- list domains in other states"), complete("lvsh list --state"));
    }

    @Test
    void lvshsOwnOptions() {
        assertEquals(List.of("--connect\t--connect  -- Hypervisor connection URI (default: $LVSH_DEFAULT_URI, $VIRSH_DEFAULT_CONNECT_URI, "
                + "$LIBVIRT_DEFAULT_URI, then libvirt's own choice). Try test:///default for the built-in demo host."),
                complete("lvsh --conn"));
    }

    @Test
    void domainsQuotedByZsh() {
        assertEquals(List.of("my\\ vm\t", "café\t"), complete("lvsh -c " + uri + " dominfo "));
        assertEquals(List.of("café\t"), complete("lvsh --connect " + uri + " -r dominfo caf"));
        assertEquals(List.of("my vm\t"), complete("lvsh -c " + uri + " dominfo 'my"));
        assertEquals(List.of("--domain=my\\ vm\t"), complete("lvsh -c " + uri + " dominfo --domain=m"));
    }

    @Test
    void liveValuesOfTheDefaultTestHost() {
        assertEquals(List.of("0\t", "1\t"), complete("lvsh -c test:///default freecell --cellno "));
        assertEquals(List.of("--pagesize=2M\t"), complete("lvsh -c test:///default freepages --pagesize=2"));
        assertEquals(List.of("test\t"), complete("lvsh -c test:///default dominfo "));
        assertEquals(List.of("test:///default\t"), complete("lvsh connect test:"));
    }

    @Test
    void nothingWhenTheHostCannotBeReached() {
        assertEquals(List.of(), complete("lvsh -c test:///nonexistent/node.xml dominfo m"));
    }
}
