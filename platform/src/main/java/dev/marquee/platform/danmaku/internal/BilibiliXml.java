package dev.marquee.platform.danmaku.internal;

import dev.marquee.platform.id.PublicId;
import dev.marquee.platform.web.ProblemException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Bilibili's danmaku XML: {@code <i>} holding {@code <d p="time,mode,size,color,unixtime,pool,sender,id">text</d>}.
 * Reading refuses any DTD (so no external entities, no entity expansion bombs) and reports bad XML as 400.
 */
final class BilibiliXml {
    private BilibiliXml() {}

    /** One {@code <d>} as read from a file, before our checks. */
    record Entry(double time, int mode, int size, int color, long unixTime, String sender, String text) {}

    /** Writes the document head; then {@link #write} each danmaku; then {@link #end}. */
    static XMLStreamWriter start(OutputStream out, String chatServer, String chatId, int maxLimit) throws XMLStreamException {
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("i");
        element(w, "chatserver", chatServer);
        element(w, "chatid", chatId);
        element(w, "mission", "0");
        element(w, "maxlimit", Integer.toString(maxLimit));
        element(w, "state", "0");
        element(w, "real_name", "0");
        element(w, "source", "k-v");
        return w;
    }

    static void write(XMLStreamWriter w, Danmaku d) throws XMLStreamException {
        w.writeStartElement("d");
        w.writeAttribute("p", String.format(Locale.ROOT, "%.5f,%d,%d,%d,%d,0,%s,%s", d.timeMs() / 1000.0,
                d.mode().bilibili(), d.size().pixels(), d.color(), d.createdAt() / 1000, d.sender(), PublicId.encode(d.id())));
        w.writeCharacters(d.text());
        w.writeEndElement();
    }

    static void end(XMLStreamWriter w) throws XMLStreamException {
        w.writeEndElement();
        w.writeEndDocument();
        w.flush();
        w.close();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** Every {@code <d>} of a file whose root is {@code <i>}; entries with an unreadable {@code p} are skipped. */
    static List<Entry> read(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        List<Entry> entries = new ArrayList<>();
        try {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE)
                    throw ProblemException.badRequest("A danmaku file may not have a DTD or entities.");
                if (event != XMLStreamConstants.START_ELEMENT) continue;
                if (root) {
                    if (!r.getLocalName().equals("i")) throw ProblemException.badRequest("The root element of a danmaku file is <i>.");
                    root = false;
                } else if (r.getLocalName().equals("d")) {
                    String p = r.getAttributeValue(null, "p");
                    String text = r.getElementText();
                    Entry e = p == null ? null : entry(p, text);
                    if (e != null) entries.add(e);
                }
            }
            if (root) throw ProblemException.badRequest("The danmaku file is empty.");
            return entries;
        } catch (XMLStreamException e) {
            throw ProblemException.badRequest("The danmaku file is not well-formed XML: " + firstLine(e.getMessage()));
        }
    }

    private static Entry entry(String p, String text) {
        String[] f = p.split(",");
        if (f.length < 4) return null;
        try {
            return new Entry(Double.parseDouble(f[0]), Integer.parseInt(f[1].trim()), Integer.parseInt(f[2].trim()),
                    (int) (Long.parseLong(f[3].trim()) & 0xffffff), f.length > 4 ? Long.parseLong(f[4].trim()) : 0,
                    f.length > 6 ? f[6] : "", text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        String line = message.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
