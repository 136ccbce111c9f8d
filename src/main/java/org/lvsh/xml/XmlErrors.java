package org.lvsh.xml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/** Turns parser exceptions into one-line {@link XmlRefused} messages: no class names, no stack, no newlines. */
final class XmlErrors {
    static final String MALFORMED = "malformed XML from libvirt: ";
    private static final int MAX_REASON = 160;

    private XmlErrors() {
    }

    static XmlRefused refusal(Exception e) {
        if (e instanceof XmlRefused refused) {
            return refused;
        }
        XMLStreamException stax = staxCause(e);
        if (stax != null) {
            return fromStax(stax, e);
        }
        if (e instanceof StreamConstraintsException limit) {
            return new XmlRefused("XML document exceeds a parser limit: " + clean(limit.getOriginalMessage()), e);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new XmlRefused(MALFORMED + "unexpected content at " + path(mapping)
                    + where(mapping.getLocation()), e);
        }
        String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new XmlRefused(MALFORMED + clean(reason), e);
    }

    /** Our own finding about the content; reason may quote values from the document. */
    static XmlRefused malformed(String reason) {
        return new XmlRefused(MALFORMED + oneLine(reason));
    }

    private static XMLStreamException staxCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XMLStreamException x) {
                return x;
            }
        }
        return null;
    }

    private static XmlRefused fromStax(XMLStreamException x, Exception e) {
        String reason = firstLine(x.getMessage());
        // Woodstox reports its limits as plain XMLStreamExceptions: the wording is all there is to go by.
        if (reason.startsWith("Maximum Element Depth")) {
            return new XmlRefused("XML document is nested too deeply (limit " + SafeXml.MAX_DEPTH + " levels)", e);
        }
        if (reason.contains("limit (") && reason.contains("exceeded")) {
            return new XmlRefused("XML document exceeds a parser limit: " + clean(reason), e);
        }
        Location at = x.getLocation();
        String where = at == null || at.getLineNumber() < 0 ? ""
                : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
        return new XmlRefused(MALFORMED + clean(reason) + where, e);
    }

    /** The XML names leading to the failure, e.g. host/topology/cells/cell[1]/id. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("/")).replace("/[", "[");
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** A parser's message: its first line; what follows is location and context we report our way. */
    private static String clean(String reason) {
        return oneLine(firstLine(reason == null || reason.isBlank() ? "unknown error" : reason));
    }

    /**
     * One short line without control characters: messages quote the hostile document itself, and a terminal
     * must not act on what it quotes.
     */
    private static String oneLine(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_REASON + 3));
        for (int i = 0; i < text.length() && b.length() < MAX_REASON; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX_REASON) {
            b.append("...");
        }
        return b.toString();
    }
}
