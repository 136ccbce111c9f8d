package org.lvsh.model;

/** echo: the words as they came out of the command line, joined and quoted as asked. */
public record EchoText(String text) {
}
