package org.lvsh.complete;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lvsh.fleet.HostDirectory;
import org.lvsh.fleet.HostEntry;

/**
 * Host names for -H and connect -H: hosts.yaml's hosts, its @groups, libvirt's uri_aliases and "all", each
 * offered after what was already typed before the last comma ("hv1,h" offers "hv1,hv2").
 */
public final class HostCandidates implements Iterable<String>, PrefixCandidates {
    @Override
    public Iterator<String> iterator() {
        return complete("").iterator();
    }

    @Override
    public List<String> complete(String prefix) {
        int comma = prefix.lastIndexOf(',');
        String head = comma < 0 ? "" : prefix.substring(0, comma + 1);
        List<String> names = new ArrayList<>();
        try {
            HostDirectory directory = HostDirectory.load(System.getenv());
            for (HostEntry h : directory.known()) {
                names.add(head + h.name());
            }
            directory.groups().keySet().forEach(g -> names.add(head + "@" + g));
            if (!directory.known().isEmpty()) {
                names.add(head + "all");
            }
        } catch (RuntimeException e) {
            // a hosts.yaml that does not parse offers nothing; running the command says what is wrong
        }
        return names;
    }
}
