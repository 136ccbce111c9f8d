package org.lvsh.output;

/**
 * What a command gave {@link Output#emit}: its record, virsh's text of it, how it joins other hosts, and the
 * output it was given to (its format, -q, headers).
 */
public record Emitted(Object data, Output.TextView text, HostView view, Output origin) {
}
