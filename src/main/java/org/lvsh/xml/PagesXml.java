package org.lvsh.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;

/**
 * {@code <pages unit='KiB' size='4'/>} (a page size the host CPU supports) or {@code <pages unit='KiB'
 * size='4'>19</pages>} (a NUMA cell's count of such pages).
 */
final class PagesXml {
    @JacksonXmlProperty(isAttribute = true)
    String size;
    @JacksonXmlProperty(isAttribute = true)
    String unit;
    @JacksonXmlText
    String count;

    Long sizeKib(String what) {
        return Values.kib(size, unit, what);
    }
}
