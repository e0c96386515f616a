package org.armscope.web;

import org.armscope.model.Document;
import org.armscope.model.Fact;
import org.armscope.team.Subscription;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** A subscription's documents as an Atom 1.0 feed (RFC 4287), written by the JDK's XML writer so every text is escaped. */
final class AtomFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String write(Subscription s, List<Document> docs, Function<String, List<Fact>> facts, String base) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", "urn:armscope:subscription:" + s.id() + ":" + s.feedToken().substring(0, 8));
            text(x, "title", "Armscope: " + s.label());
            text(x, "updated", Instant.now().toString());
            link(x, base + "/feeds/" + s.feedToken() + ".atom", "self");
            x.writeStartElement("author");
            text(x, "name", "Armscope");
            x.writeEndElement();
            for (Document d : docs) {
                x.writeStartElement("entry");
                text(x, "id", "urn:armscope:doc:" + d.id());
                text(x, "title", d.title() == null || d.title().isBlank() ? d.id() : d.title());
                text(x, "updated", d.date() != null && d.date().matches("\\d{4}-\\d{2}-\\d{2}") ? d.date() + "T00:00:00Z" : Instant.now().toString());
                link(x, base + "/#/doc/" + d.id(), "alternate");
                StringBuilder summary = new StringBuilder();
                for (Fact f : facts.apply(d.id())) {
                    summary.append(f.type()).append(" (").append(f.modality().code()).append("): ")
                            .append(f.evidence() == null ? "" : f.evidence().text()).append('\n');
                }
                String text = d.text();
                summary.append(text.length() > 400 ? text.substring(0, 400) + "…" : text);
                x.writeStartElement("summary");
                x.writeAttribute("type", "text");
                x.writeCharacters(xmlSafe(summary.toString()));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(xmlSafe(value));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String href, String rel) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
    }

    /** Drops what XML 1.0 cannot carry at all (control characters, lone surrogates). */
    static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
