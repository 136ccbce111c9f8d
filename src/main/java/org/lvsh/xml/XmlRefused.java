package org.lvsh.xml;

/**
 * libvirt XML that lvsh will not (or cannot) read: a DTD, an oversized or too deeply nested document, or
 * malformed content. The message is one line meant for the user: {@code error: <message>}.
 */
public class XmlRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public XmlRefused(String message) {
        super(message);
    }

    public XmlRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
